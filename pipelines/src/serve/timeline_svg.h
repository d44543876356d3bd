#pragma once

// The entity page's chart: events per day or week as stacked bars by event
// type, drawn as inline SVG on the server (no script, no library).

#include <string>
#include <vector>

#include "entity_overview.h"

namespace newsx::pipelines::serve {

// Fill colour of an event type: a fixed palette indexed by the type's
// position in `types` (sorted), so chart and legend agree.
std::string TypeColor(const std::vector<std::string>& types, const std::string& type);

// <svg id="timeline">...</svg> followed by a legend, or a note when there
// are no events. `bucket` is "day" or "week".
std::string TimelineSvg(const std::vector<TimelineBucket>& timeline, const std::string& bucket);

}  // namespace newsx::pipelines::serve
