#include "analysis/date_resolver.h"

#include <charconv>

#include "newsx/core/time_format.h"

namespace newsx::extract::analysis {

namespace {

using Kind = DateWord::Kind;

struct Resolved {
  std::uint32_t end = 0;  // Token after the expression; 0 = no match.
  std::string value;
  bool relative = false;
};

std::string Day(std::int64_t days) {
  int y = 0, m = 0, dd = 0;
  CivilFromDays(days, &y, &m, &dd);
  return FormatIsoDate(y, m, dd);
}

std::string Interval(std::int64_t from, std::int64_t to) { return Day(from) + "/" + Day(to); }

int DaysInMonth(int y, int m) {
  return static_cast<int>(DaysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
                          DaysFromCivil(y, m, 1));
}

std::string MonthInterval(int y, int m) {
  return Interval(DaysFromCivil(y, m, 1), DaysFromCivil(y, m, DaysInMonth(y, m)));
}

std::string YearInterval(int y) {
  return Interval(DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31));
}

int Weekday(std::int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7); }  // Monday 0

struct Civil {
  int y = 0, m = 0, d = 0;
};
Civil ToCivil(std::int64_t days) {
  Civil c;
  CivilFromDays(days, &c.y, &c.m, &c.d);
  return c;
}

class Resolver {
 public:
  Resolver(const DocState& d, const std::vector<DateWord>& words, std::int64_t pub)
      : d_(d), words_(words), pub_(pub) {}

  DateWord At(std::uint32_t i) const {
    if (i >= d_.size()) return DateWord{};
    const std::int32_t w = d_.tok(i).word;
    return w < 0 || static_cast<std::size_t>(w) >= words_.size()
               ? DateWord{}
               : words_[static_cast<std::size_t>(w)];
  }

  // Integer value of a digits-only token (or "28th"), else -1.
  int Number(std::uint32_t i) const {
    if (i >= d_.size() || !(d_.tok(i).flags & kHasDigit)) return -1;
    std::string_view s = TokenText(d_.tt, d_.tok(i));
    if (s.size() > 2 &&
        (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th"))) {
      s.remove_suffix(2);
    }
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() ? v : -1;
  }

  int Year(std::uint32_t i) const {
    const int v = Number(i);
    return (v >= 1900 && v <= 2100 && TokenText(d_.tt, d_.tok(i)).size() == 4) ? v : -1;
  }

  // The tense the clause of token i shows before it: the nearest cue word
  // back to the clause start (a comma, "that", "while"...) wins ("said it
  // will ship in March" is future). -1 past, +1 future, 0 none.
  int TenseBefore(std::uint32_t i) const {
    const std::uint32_t sentence = d_.SentenceOf(i);
    for (std::uint32_t k = i; k-- > 0 && d_.SentenceOf(k) == sentence;) {
      const DateWord w = At(k);
      if (w.kind == Kind::kClauseStart || d_.Is(k, d_.model.words.comma)) return 0;
      if (w.kind == Kind::kFutureCue) return 1;
      if (w.kind == Kind::kPastCue) return -1;
      const std::string_view s = TokenText(d_.tt, d_.tok(k));
      // Regular past forms: "arrested", "announced" (not "red", "need").
      if (s.size() > 4 && s.ends_with("ed") && !(d_.tok(k).flags & kUpperInitial) &&
          !s.ends_with("eed")) {
        return -1;
      }
    }
    return 0;
  }

  // The year of a month (day 0: the whole month) written without one, for
  // the date at token i. See kFutureWindowDays in the header.
  int InferYear(std::uint32_t i, int month, int day) const {
    const Civil p = ToCivil(pub_);
    const int first_day = day > 0 ? day : 1;
    // The latest occurrence starting on or before publication, and the next.
    const int past = DaysFromCivil(p.y, month, 1) + first_day - 1 <= pub_ ? p.y : p.y - 1;
    const std::int64_t next_start = DaysFromCivil(past + 1, month, 1) + first_day - 1;
    const int tense = TenseBefore(i);
    if (tense < 0) return past;
    if (tense > 0) return past + 1;
    return next_start - pub_ <= kFutureWindowDays ? past + 1 : past;
  }

  Resolved Absolute(std::uint32_t i) const {
    Resolved r;
    const DateWord w = At(i);
    const bool comma = d_.Is(i + 1, d_.model.words.comma);
    // Month names are capitalized ("this may be" is not May).
    if (w.kind == Kind::kMonth && (d_.tok(i).flags & kUpperInitial)) {
      const std::uint32_t k = d_.Is(i + 1, d_.model.words.period) ? i + 2 : i + 1;  // "Jan. 28"
      const int day = Number(k);
      if (day >= 1 && day <= 31) {  // "January 28", "January 28, 2026"
        std::uint32_t end = k + 1;
        int year = -1;
        if (d_.Is(end, d_.model.words.comma) && Year(end + 1) > 0) {
          year = Year(end + 1);
          end += 2;
        } else if (Year(end) > 0) {
          year = Year(end);
          end += 1;
        }
        return Finish(i, end, year, w.value, day);
      }
      const int year = Year(comma ? i + 2 : i + 1);
      if (year > 0) return Resolved{comma ? i + 3 : i + 2, MonthInterval(year, w.value), false};
      const DateWord prev = i > 0 ? At(i - 1) : DateWord{};
      if (prev.kind == Kind::kYearPrep || prev.kind == Kind::kLast || prev.kind == Kind::kThis ||
          prev.kind == Kind::kNext) {  // "in March", "last March"
        int y = InferYear(i, w.value, 0);
        const Civil p = ToCivil(pub_);
        if (prev.kind == Kind::kLast && w.value >= p.m) y = p.y - 1;
        if (prev.kind == Kind::kNext && w.value <= p.m) y = p.y + 1;
        return Resolved{i + 1, MonthInterval(y, w.value), true};
      }
      return r;
    }
    const int day = Number(i);
    if (day >= 1 && day <= 31 && At(i + 1).kind == Kind::kMonth &&
        (d_.tok(i + 1).flags & kUpperInitial)) {  // "28 January 2026"
      const int year = Year(i + 2);
      return Finish(i, year > 0 ? i + 3 : i + 2, year, At(i + 1).value, day);
    }
    const int year = Year(i);
    if (year > 0) {
      // "2026-01-28" written without spaces.
      if (d_.Is(i + 1, d_.model.words.hyphen) && d_.Is(i + 3, d_.model.words.hyphen)) {
        const int m = Number(i + 2), dd = Number(i + 4);
        if (m >= 1 && m <= 12 && dd >= 1 && dd <= DaysInMonth(year, m) &&
            !(d_.tok(i + 1).flags & kSpaceBefore)) {
          return Resolved{i + 5, FormatIsoDate(year, m, dd), false};
        }
      }
      if (i > 0 && At(i - 1).kind == Kind::kYearPrep)
        return Resolved{i + 1, YearInterval(year), false};
    }
    return r;
  }

  Resolved Finish(std::uint32_t i, std::uint32_t end, int year, int month, int day) const {
    bool relative = false;
    if (year < 0) {
      year = InferYear(i, month, day);
      relative = true;
    }
    if (day > DaysInMonth(year, month)) return Resolved{};
    return Resolved{end, FormatIsoDate(year, month, day), relative};
  }

  Resolved Relative(std::uint32_t i) const {
    const DateWord w = At(i);
    const std::int64_t p = pub_;
    const Civil c = ToCivil(p);
    if (w.kind == Kind::kDeictic) return Resolved{i + 1, Day(p + w.value - 2), true};
    if (w.kind == Kind::kWeekday) {  // "on Tuesday", "Tuesday": the latest one up to publication
      const std::int64_t back = (Weekday(p) - w.value + 7) % 7;
      return Resolved{i + 1, Day(p - back), true};
    }
    if (w.kind == Kind::kNumber || Number(i) > 0) {  // "three days ago"
      const int n = w.kind == Kind::kNumber ? w.value : Number(i);
      const DateWord unit = At(i + 1);
      if (unit.kind != Kind::kUnit || At(i + 2).kind != Kind::kAgo || n > 1000) return Resolved{};
      switch (unit.value) {
        case 1:
          return Resolved{i + 3, Day(p - n), true};
        case 2:
          return Resolved{i + 3, Interval(p - 7 * n - Weekday(p), p - 7 * n - Weekday(p) + 6),
                          true};
        case 3: {
          const int total = c.y * 12 + (c.m - 1) - n;
          return Resolved{i + 3, MonthInterval(total / 12, total % 12 + 1), true};
        }
        default:
          return Resolved{i + 3, YearInterval(c.y - n), true};
      }
    }
    std::uint32_t j = i;
    int shift = 0;  // -1 last, 0 this, +1 next
    bool earlier = false, later = false;
    if (w.kind == Kind::kEarlier || w.kind == Kind::kLater) {
      earlier = w.kind == Kind::kEarlier;
      later = !earlier;
      if (At(i + 1).kind != Kind::kThis) return Resolved{};
      j = i + 1;
    } else if (w.kind == Kind::kLast || w.kind == Kind::kPast) {
      shift = -1;
    } else if (w.kind == Kind::kNext) {
      shift = 1;
    } else if (w.kind != Kind::kThis) {
      return Resolved{};
    }
    const DateWord unit = At(j + 1);
    if (unit.kind == Kind::kWeekday && !earlier && !later) {
      const std::int64_t monday = p - Weekday(p) + 7 * shift;
      return Resolved{j + 2, Day(monday + unit.value), true};
    }
    if (unit.kind != Kind::kUnit || unit.value == 1) return Resolved{};
    std::int64_t from = 0, to = 0;
    if (unit.value == 2) {
      from = p - Weekday(p) + 7 * shift;
      to = from + 6;
    } else if (unit.value == 3) {
      const int total = c.y * 12 + (c.m - 1) + shift;
      const int y = total / 12, m = total % 12 + 1;
      from = DaysFromCivil(y, m, 1);
      to = DaysFromCivil(y, m, DaysInMonth(y, m));
    } else {
      from = DaysFromCivil(c.y + shift, 1, 1);
      to = DaysFromCivil(c.y + shift, 12, 31);
    }
    if (w.kind == Kind::kPast) {  // "the past week": the days just before publication
      const std::int64_t len = to - from + 1;
      from = p - len;
      to = p - 1;
    }
    if (earlier) to = p - 1;
    if (later) from = p + 1;
    if (from > to) return Resolved{};
    return Resolved{j + 2, Interval(from, to), true};
  }

 private:
  const DocState& d_;
  const std::vector<DateWord>& words_;
  std::int64_t pub_;  // Publication day.
};

}  // namespace

std::vector<DateWord> BuildDateWords(Vocabulary* vocab) {
  std::vector<std::pair<std::string_view, DateWord>> entries;
  static constexpr std::string_view kMonths[][3] = {
      {"january", "jan", "jan"}, {"february", "feb", "feb"}, {"march", "mar", "mar"},
      {"april", "apr", "apr"},   {"may", "may", "may"},      {"june", "jun", "jun"},
      {"july", "jul", "jul"},    {"august", "aug", "aug"},   {"september", "sept", "sep"},
      {"october", "oct", "oct"}, {"november", "nov", "nov"}, {"december", "dec", "dec"}};
  for (std::uint8_t m = 0; m < 12; ++m) {
    for (std::string_view name : kMonths[m])
      entries.push_back({name, {Kind::kMonth, static_cast<std::uint8_t>(m + 1)}});
  }
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (std::uint8_t i = 0; i < 7; ++i) entries.push_back({kDays[i], {Kind::kWeekday, i}});
  entries.push_back({"today", {Kind::kDeictic, 2}});
  entries.push_back({"tonight", {Kind::kDeictic, 2}});
  entries.push_back({"yesterday", {Kind::kDeictic, 1}});
  entries.push_back({"tomorrow", {Kind::kDeictic, 3}});
  static constexpr std::string_view kUnits[][2] = {
      {"day", "days"}, {"week", "weeks"}, {"month", "months"}, {"year", "years"}};
  for (std::uint8_t u = 0; u < 4; ++u) {
    for (std::string_view name : kUnits[u])
      entries.push_back({name, {Kind::kUnit, static_cast<std::uint8_t>(u + 1)}});
  }
  entries.push_back({"last", {Kind::kLast, 0}});
  entries.push_back({"this", {Kind::kThis, 0}});
  entries.push_back({"next", {Kind::kNext, 0}});
  entries.push_back({"earlier", {Kind::kEarlier, 0}});
  entries.push_back({"later", {Kind::kLater, 0}});
  entries.push_back({"ago", {Kind::kAgo, 0}});
  entries.push_back({"past", {Kind::kPast, 0}});
  for (std::string_view prep : {"in", "since", "by", "until", "during", "early", "late", "mid",
                                "of", "before", "after", "through"}) {
    entries.push_back({prep, {Kind::kYearPrep, 0}});
  }
  static constexpr std::string_view kNumbers[] = {"one",  "two", "three",  "four",
                                                  "five", "six", "seven",  "eight",
                                                  "nine", "ten", "eleven", "twelve"};
  for (std::uint8_t n = 0; n < 12; ++n)
    entries.push_back({kNumbers[n], {Kind::kNumber, static_cast<std::uint8_t>(n + 1)}});
  // Tense cues for dates without a year (irregular past forms; regular
  // ones are read from their "-ed" ending).
  for (std::string_view past :
       {"was", "were", "had", "did", "said", "told", "began", "came", "went", "took", "made",
        "rose", "fell", "grew", "saw", "won", "lost", "met", "left", "gave", "got", "paid",
        "sold", "bought", "held", "kept", "ran", "brought", "found", "became", "sent", "spent",
        "built", "led", "struck", "wrote", "spoke", "broke", "chose", "flew", "fought",
        "caught", "sought", "thought", "knew"}) {
    entries.push_back({past, {Kind::kPastCue, 0}});
  }
  for (std::string_view future :
       {"will", "shall", "'ll", "plans", "plan", "planning", "scheduled", "expected", "expects",
        "due", "upcoming", "aims", "intends", "forecast", "forecasts"}) {
    entries.push_back({future, {Kind::kFutureCue, 0}});
  }
  for (std::string_view start : {"that", "which", "who", "while", "when", "where", "because",
                                  "but", ";"}) {
    entries.push_back({start, {Kind::kClauseStart, 0}});
  }
  std::vector<std::pair<std::int32_t, DateWord>> ids;
  for (const auto& [word, meaning] : entries) ids.push_back({vocab->Add(word), meaning});
  std::int32_t max_id = 0;
  for (const auto& [id, meaning] : ids) max_id = std::max(max_id, id);
  std::vector<DateWord> table(static_cast<std::size_t>(max_id) + 1);
  for (const auto& [id, meaning] : ids) table[static_cast<std::size_t>(id)] = meaning;
  return table;
}

std::vector<DateExpr> FindDates(DocState* d, const std::vector<DateWord>& words,
                                std::optional<std::int64_t> published_day) {
  std::vector<DateExpr> out;
  // Without a publication date, relative expressions are still found but
  // left unresolved.
  const Resolver r(*d, words, published_day.value_or(0));
  for (std::uint32_t i = 0; i < d->size(); ++i) {
    const DateWord w = r.At(i);
    const bool candidate = w.kind != Kind::kNone || (d->tok(i).flags & kHasDigit);
    if (!candidate) continue;
    Resolved res = r.Absolute(i);
    if (res.end == 0) res = r.Relative(i);
    if (res.end == 0 || res.end > d->size()) continue;
    if (!published_day && res.relative) {
      res.value.clear();
      res.relative = false;
    }
    // "on Tuesday": the preposition belongs to the expression's text.
    std::uint32_t first = i;
    if (w.kind == Kind::kWeekday && i > 0 && d->Is(i - 1, d->model.words.on)) first = i - 1;
    if (first > 0 && d->tok(first - 1).word == d->model.words.the && w.kind == Kind::kPast) --first;
    const Token& a = d->tok(first);
    const Token& b = d->tok(res.end - 1);
    d->dates.push_back(DateHit{first, res.end, static_cast<std::uint32_t>(out.size())});
    out.push_back(DateExpr{std::string(d->Text(first, res.end)), Span{a.cp_begin, b.cp_end},
                           std::move(res.value), res.relative});
    i = res.end - 1;
  }
  return out;
}

}  // namespace newsx::extract::analysis
