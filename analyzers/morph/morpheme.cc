#include "analyzers/morph/morpheme.h"

namespace sinmun::morph {

std::string_view feature_field(std::string_view feature, int index) {
  std::size_t pos = 0;
  for (int field = 0;; ++field) {
    std::size_t end;
    std::string_view value;
    // MeCab quotes a field that contains a comma: "...". A doubled quote stays doubled.
    if (pos < feature.size() && feature[pos] == '"') {
      std::size_t close = pos + 1;
      while (close < feature.size()) {
        if (feature[close] == '"' && (close + 1 >= feature.size() || feature[close + 1] != '"')) break;
        close += feature[close] == '"' ? 2 : 1;
      }
      value = feature.substr(pos + 1, close - pos - 1);
      end = feature.find(',', close);
    } else {
      end = feature.find(',', pos);
      value = feature.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    }
    if (field == index) return value;
    if (end == std::string_view::npos) return {};
    pos = end + 1;
  }
}

std::vector<ExpressionPart> expression_parts(std::string_view feature) {
  std::vector<ExpressionPart> parts;
  const std::string_view expression = feature_field(feature, 7);
  if (expression.empty() || expression == "*") return parts;
  for (std::size_t start = 0; start <= expression.size();) {
    std::size_t plus = expression.find('+', start);
    // A '+' that opens a part ("+/SY/*") belongs to the surface, not to the separator.
    if (plus == start) plus = expression.find('+', start + 1);
    const std::string_view part =
        expression.substr(start, plus == std::string_view::npos ? std::string_view::npos : plus - start);
    // surface/POS/semantic: split from the right so a '/' inside the surface survives.
    const std::size_t last = part.rfind('/');
    const std::size_t middle =
        last == std::string_view::npos || last == 0 ? std::string_view::npos : part.rfind('/', last - 1);
    if (middle == std::string_view::npos) {
      parts.push_back({std::string(part), std::string()});
    } else {
      parts.push_back({std::string(part.substr(0, middle)), std::string(part.substr(middle + 1, last - middle - 1))});
    }
    if (plus == std::string_view::npos) break;
    start = plus + 1;
  }
  return parts;
}

}  // namespace sinmun::morph
