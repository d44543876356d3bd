#include "article_codec.h"

#include <bit>

#include "binary_codec.h"

namespace newsx::store::internal {

namespace {

void Strs(BinaryWriter& w, const std::vector<std::string>& v) {
  w.U32(static_cast<std::uint32_t>(v.size()));
  for (const std::string& s : v) w.Str(s);
}

std::vector<std::string> Strs(BinaryReader& r) {
  std::vector<std::string> v(r.U32());
  for (std::string& s : v) {
    if (!r.ok()) return {};
    s = std::string(r.Str());
  }
  return v;
}

void SpanOut(BinaryWriter& w, const Span& s) {
  w.U64(s.begin);
  w.U64(s.end);
}

Span SpanIn(BinaryReader& r) {
  Span s;
  s.begin = r.U64();
  s.end = r.U64();
  return s;
}

void Number(BinaryWriter& w, const std::optional<double>& v) {
  w.U8(v.has_value());
  if (v) w.U64(std::bit_cast<std::uint64_t>(*v));
}

std::optional<double> Number(BinaryReader& r) {
  if (r.U8() == 0) return std::nullopt;
  return std::bit_cast<double>(r.U64());
}

std::string S(BinaryReader& r) { return std::string(r.Str()); }

void QuantityOut(BinaryWriter& w, const Quantity& q) {
  w.Str(q.text);
  SpanOut(w, q.span);
  Number(w, q.value);
  Number(w, q.low);
  Number(w, q.high);
  w.Str(q.op);
  w.U8(q.approx);
  w.Str(q.kind);
  w.Str(q.unit);
  w.Str(q.currency);
  w.Str(q.of);
}

Quantity QuantityIn(BinaryReader& r) {
  Quantity q;
  q.text = S(r);
  q.span = SpanIn(r);
  q.value = Number(r);
  q.low = Number(r);
  q.high = Number(r);
  q.op = S(r);
  q.approx = r.U8() != 0;
  q.kind = S(r);
  q.unit = S(r);
  q.currency = S(r);
  q.of = S(r);
  return q;
}

// Reads `n` items with `read`, stopping at the first decoding error.
template <typename T, typename Fn>
std::vector<T> Items(BinaryReader& r, Fn read) {
  const std::uint32_t n = r.U32();
  std::vector<T> out;
  for (std::uint32_t i = 0; i < n && r.ok(); ++i) out.push_back(read(r));
  return out;
}

}  // namespace

std::string EncodeExtractedArticle(const ExtractedArticle& x) {
  BinaryWriter w;
  const Article& a = x.article;
  w.Str(a.id);
  w.Str("");  // url: kept in the articles value's header (StoredArticle).
  for (const std::string* s : {&a.canonical_url, &a.title}) w.Str(*s);
  Strs(w, a.authors);
  for (const std::string* s : {&a.published, &a.modified, &a.lang, &a.site, &a.description,
                               &a.section}) {
    w.Str(*s);
  }
  Strs(w, a.tags);
  for (const std::string* s : {&a.image, &a.text, &a.content_hash, &a.extractor_version}) {
    w.Str(*s);
  }
  w.U32(static_cast<std::uint32_t>(x.entities.size()));
  for (const Entity& e : x.entities) {
    w.Str(e.id);
    w.U8(static_cast<std::uint8_t>(e.type));
    w.Str(e.name);
    Strs(w, e.aliases);
    for (const std::string* s : {&e.vendor, &e.family, &e.kind, &e.country}) w.Str(*s);
    w.U32(static_cast<std::uint32_t>(e.roles.size()));
    for (const Role& role : e.roles) {
      w.Str(role.title);
      w.Str(role.org);
    }
    w.U32(static_cast<std::uint32_t>(e.mentions.size()));
    for (const Mention& m : e.mentions) {
      SpanOut(w, m.span);
      w.Str(m.text);
    }
  }
  w.U32(static_cast<std::uint32_t>(x.quantities.size()));
  for (const Quantity& q : x.quantities) QuantityOut(w, q);
  w.U32(static_cast<std::uint32_t>(x.dates.size()));
  for (const DateExpr& d : x.dates) {
    w.Str(d.text);
    SpanOut(w, d.span);
    w.Str(d.value);
    w.U8(d.relative);
  }
  w.U32(static_cast<std::uint32_t>(x.events.size()));
  for (const Event& e : x.events) {
    w.Str(e.id);
    w.Str(e.type);
    w.Str(e.trigger);
    SpanOut(w, e.trigger_span);
    w.Str(e.sentence);
    SpanOut(w, e.sentence_span);
    w.U32(static_cast<std::uint32_t>(e.args.size()));
    for (const EventArg& arg : e.args) {
      w.Str(arg.role);
      w.Str(arg.entity_id);
      w.Str(arg.text);
      w.U8(arg.quantity.has_value());
      if (arg.quantity) QuantityOut(w, *arg.quantity);
    }
    for (const std::string* s : {&e.time_text, &e.time_value, &e.polarity, &e.modality,
                                 &e.source, &e.article}) {
      w.Str(*s);
    }
    w.U64(std::bit_cast<std::uint64_t>(e.confidence));
    w.U32(static_cast<std::uint32_t>(e.evidence.size()));
    for (const EventEvidence& ev : e.evidence) {
      w.Str(ev.sentence);
      SpanOut(w, ev.sentence_span);
      w.Str(ev.trigger);
      SpanOut(w, ev.trigger_span);
    }
    for (const std::string* s : {&e.time_start, &e.time_end, &e.time_source}) w.Str(*s);
  }
  // Appended last: records written before it have none (read as 0).
  w.U64(std::bit_cast<std::uint64_t>(a.lang_confidence));
  return w.Take();
}

Result<ExtractedArticle> DecodeExtractedArticle(std::string_view bytes, BodyLayout layout) {
  BinaryReader r(bytes);
  ExtractedArticle x;
  Article& a = x.article;
  for (std::string* s : {&a.id, &a.url, &a.canonical_url, &a.title}) *s = S(r);
  a.authors = Strs(r);
  for (std::string* s : {&a.published, &a.modified, &a.lang, &a.site, &a.description,
                         &a.section}) {
    *s = S(r);
  }
  a.tags = Strs(r);
  for (std::string* s : {&a.image, &a.text, &a.content_hash, &a.extractor_version}) *s = S(r);
  x.entities = Items<Entity>(r, [](BinaryReader& in) {
    Entity e;
    e.id = S(in);
    const std::uint8_t type = in.U8();
    e.type = type <= static_cast<std::uint8_t>(EntityType::kPlace) ? static_cast<EntityType>(type)
                                                                    : EntityType::kOrg;
    e.name = S(in);
    e.aliases = Strs(in);
    for (std::string* s : {&e.vendor, &e.family, &e.kind, &e.country}) *s = S(in);
    e.roles = Items<Role>(in, [](BinaryReader& rin) {
      Role role;
      role.title = S(rin);
      role.org = S(rin);
      return role;
    });
    e.mentions = Items<Mention>(in, [](BinaryReader& min) {
      Mention m;
      m.span = SpanIn(min);
      m.text = S(min);
      return m;
    });
    return e;
  });
  x.quantities = Items<Quantity>(r, QuantityIn);
  x.dates = Items<DateExpr>(r, [](BinaryReader& in) {
    DateExpr d;
    d.text = S(in);
    d.span = SpanIn(in);
    d.value = S(in);
    d.relative = in.U8() != 0;
    return d;
  });
  x.events = Items<Event>(r, [layout](BinaryReader& in) {
    Event e;
    e.id = S(in);
    e.type = S(in);
    e.trigger = S(in);
    e.trigger_span = SpanIn(in);
    e.sentence = S(in);
    e.sentence_span = SpanIn(in);
    e.args = Items<EventArg>(in, [](BinaryReader& ain) {
      EventArg arg;
      arg.role = S(ain);
      arg.entity_id = S(ain);
      arg.text = S(ain);
      if (ain.U8() != 0) arg.quantity = QuantityIn(ain);
      return arg;
    });
    for (std::string* s : {&e.time_text, &e.time_value, &e.polarity, &e.modality, &e.source,
                           &e.article}) {
      *s = S(in);
    }
    e.confidence = std::bit_cast<double>(in.U64());
    if (layout == BodyLayout::kV1) return e;
    e.evidence = Items<EventEvidence>(in, [](BinaryReader& vin) {
      EventEvidence ev;
      ev.sentence = S(vin);
      ev.sentence_span = SpanIn(vin);
      ev.trigger = S(vin);
      ev.trigger_span = SpanIn(vin);
      return ev;
    });
    for (std::string* s : {&e.time_start, &e.time_end, &e.time_source}) *s = S(in);
    return e;
  });
  if (layout != BodyLayout::kV1 && r.ok() && !r.done()) {
    a.lang_confidence = std::bit_cast<double>(r.U64());
  }
  if (!r.ok() || !r.done()) return DataLossError("stored article is truncated or malformed");
  return x;
}

}  // namespace newsx::store::internal
