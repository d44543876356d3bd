// The events table of the entity, events and overview pages.

#include <cmath>
#include <cstdio>

#include "html.h"
#include "newsx/core/time_format.h"
#include "pages.h"

namespace newsx::pipelines::serve {

namespace {

std::string Amount(double v) {
  char buf[64];
  if (std::fabs(v) >= 1e15 || v != std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.4g", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  }
  return buf;
}

// "more than 2,000,000 chip" -> "> 2000000 chip"; ranges as low–high.
std::string QuantityValue(const Quantity& q) {
  std::string out;
  if (q.value) {
    out = (q.op == "=" ? "" : q.op + " ") + Amount(*q.value);
  } else if (q.low && q.high) {
    out = Amount(*q.low) + "–" + Amount(*q.high);
  } else if (q.low) {
    out = (q.op == "=" ? std::string(">=") : q.op) + " " + Amount(*q.low);
  } else if (q.high) {
    out = (q.op == "=" ? std::string("<=") : q.op) + " " + Amount(*q.high);
  }
  if (q.approx) out = "~" + out;
  const std::string unit = !q.currency.empty() ? q.currency : q.unit;
  if (!unit.empty()) out += " " + unit;
  return out;
}

std::string Arguments(const Event& e, const StoreView& view) {
  std::string out;
  for (const EventArg& a : e.args) {
    out += "<div><span class=\"muted\">" + Escape(a.role) + "</span> ";
    if (!a.entity_id.empty()) {
      out += EntityLink(view, a.entity_id);
    } else if (a.quantity) {
      out += Escape(a.text) + " <span class=\"muted\">(" + Escape(QuantityValue(*a.quantity)) +
             ")</span>";
    } else {
      out += Escape(a.text);
    }
    out += "</div>";
  }
  return out;
}

// The sentence with the trigger in bold (found by text; spans are offsets
// into the article, not the sentence).
std::string Evidence(const Event& e) {
  const std::size_t at = e.trigger.empty() ? std::string::npos : e.sentence.find(e.trigger);
  std::string out;
  if (at == std::string::npos) {
    out = Escape(e.sentence);
  } else {
    out = Escape(e.sentence.substr(0, at)) + "<b>" + Escape(e.trigger) + "</b>" +
          Escape(e.sentence.substr(at + e.trigger.size()));
  }
  if (e.evidence.size() > 1) {
    out += " <span class=\"muted\">(+" + std::to_string(e.evidence.size() - 1) + " more)</span>";
  }
  return out;
}

}  // namespace

std::string EntityLink(const StoreView& view, const std::string& entity_id) {
  const store::StoredEntity* e = view.FindEntity(entity_id);
  const std::string name = e != nullptr && !e->entity.name.empty() ? e->entity.name : entity_id;
  return "<a href=\"" + Href("/entity", {{"id", entity_id}}) + "\" title=\"" + Escape(entity_id) +
         "\">" + Escape(name) + "</a>";
}

std::string EventsTable(const std::vector<store::TimedEvent>& events, const StoreView& view,
                        const std::string& id) {
  if (events.empty()) return "<p class=\"muted\" id=\"" + Escape(id) + "-empty\">No events.</p>";
  std::string out = "<table id=\"" + Escape(id) + "\" class=\"events\"><thead><tr><th>time</th>"
                    "<th>type</th><th>arguments</th><th>source</th><th>status</th>"
                    "<th>evidence</th><th>article</th></tr></thead><tbody>";
  for (const store::TimedEvent& t : events) {
    const Event& e = t.event;
    out += "<tr><td>" + Escape(FormatIsoUtc(t.time_unix_s).substr(0, 10));
    if (!e.time_text.empty()) out += "<div class=\"muted\">" + Escape(e.time_text) + "</div>";
    out += "</td><td>" + Escape(e.type) + "</td><td>" + Arguments(e, view) + "</td><td>" +
           (e.source.empty() ? "" : EntityLink(view, e.source)) + "</td><td>" +
           Escape(e.polarity) + "<div class=\"muted\">" + Escape(e.modality) + "</div></td><td>" +
           Evidence(e) + "</td><td><a href=\"" + Href("/article", {{"id", e.article}}) +
           "\">article</a></td></tr>";
  }
  return out + "</tbody></table>";
}

}  // namespace newsx::pipelines::serve
