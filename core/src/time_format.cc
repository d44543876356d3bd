#include "newsx/core/strings.h"
#include "newsx/core/time_format.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace newsx {

std::int64_t DaysFromCivil(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(std::int64_t days, int* year, int* month, int* day) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  *month = static_cast<int>(m);
  *day = static_cast<int>(d);
}

std::string FormatIsoDate(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string FormatIsoUtc(std::int64_t unix_s) {
  std::int64_t days = unix_s / 86400;
  std::int64_t secs = unix_s % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

struct Civil {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_s = 0;  // Local time minus UTC.
};

std::optional<std::int64_t> ToUnix(const Civil& c) {
  if (c.year < 1 || c.year > 9999 || c.month < 1 || c.month > 12 || c.day < 1 ||
      c.day > DaysInMonth(c.year, c.month) || c.hour < 0 || c.hour > 24 ||
      c.minute < 0 || c.minute > 59 || c.second < 0 || c.second > 60) {
    return std::nullopt;
  }
  return DaysFromCivil(c.year, c.month, c.day) * 86400 + c.hour * 3600 +
         c.minute * 60 + c.second - c.offset_s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `*pos`.
bool ReadDigits(std::string_view s, std::size_t* pos, int n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    const char c = s[*pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

void SkipSpaces(std::string_view s, std::size_t* pos) {
  while (*pos < s.size() && (s[*pos] == ' ' || s[*pos] == '\t')) ++*pos;
}

// Named zones of RFC 822 and the common US/European abbreviations, in hours.
std::optional<int> NamedZoneOffset(std::string_view word) {
  struct Zone {
    std::string_view name;
    int hours;
  };
  static constexpr Zone kZones[] = {
      {"UT", 0},   {"UTC", 0},  {"GMT", 0},  {"Z", 0},    {"EST", -5},
      {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6},
      {"PST", -8}, {"PDT", -7}, {"BST", 1},  {"CET", 1},  {"CEST", 2},
      {"JST", 9},  {"KST", 9},  {"IST", 5},  {"HKT", 8},  {"SGT", 8},
      {"AEST", 10}, {"AEDT", 11}};
  for (const Zone& z : kZones) {
    if (word.size() != z.name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(word[i])) != z.name[i]) same = false;
    }
    if (same) return z.hours;
  }
  return std::nullopt;
}

// Parses "Z", "+08:00", "+0800", "+08", " GMT", " +0800"; an empty rest is UTC.
bool ParseZone(std::string_view s, std::size_t pos, int* offset_s) {
  SkipSpaces(s, &pos);
  if (pos == s.size()) return true;
  const char c = s[pos];
  if (c == '+' || c == '-') {
    const int sign = c == '-' ? -1 : 1;
    ++pos;
    int hh = 0, mm = 0;
    if (!ReadDigits(s, &pos, 2, &hh)) return false;
    if (pos < s.size() && s[pos] == ':') ++pos;
    if (pos < s.size() && IsDigit(s[pos]) && !ReadDigits(s, &pos, 2, &mm)) return false;
    SkipSpaces(s, &pos);
    if (pos != s.size() || hh > 23 || mm > 59) return false;
    *offset_s = sign * (hh * 3600 + mm * 60);
    return true;
  }
  std::size_t end = pos;
  while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
  const auto hours = NamedZoneOffset(s.substr(pos, end - pos));
  if (!hours) return false;
  pos = end;
  SkipSpaces(s, &pos);
  if (pos != s.size()) return ParseZone(s, pos, offset_s);  // "GMT+0800".
  *offset_s = *hours * 3600;
  return true;
}

// The time of an ISO date at *pos, if any: "T09:30", "T093000", " 09:30:00.5"
// (the fraction dropped). A 'T' or space with no digits after it is left to
// the zone. False when the time is malformed.
bool ReadIsoTime(std::string_view s, std::size_t* pos, Civil* c) {
  if (*pos >= s.size() || (s[*pos] != 'T' && s[*pos] != 't' && s[*pos] != ' ')) return true;
  std::size_t p = *pos + 1;
  SkipSpaces(s, &p);
  if (p >= s.size() || !IsDigit(s[p])) return true;
  if (!ReadDigits(s, &p, 2, &c->hour)) return false;
  // The basic form has no colons at all: "0930" or "093000".
  const bool colon = p < s.size() && s[p] == ':';
  if (colon) ++p;
  if (!ReadDigits(s, &p, 2, &c->minute)) return false;
  if (p < s.size() && (s[p] == ':' || (!colon && IsDigit(s[p])))) {
    if (s[p] == ':') ++p;
    if (!ReadDigits(s, &p, 2, &c->second)) return false;
  }
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
    ++p;
    while (p < s.size() && IsDigit(s[p])) ++p;
  }
  *pos = p;
  return true;
}

// ISO 8601 / RFC 3339 and the compact WARC forms.
std::optional<std::int64_t> ParseIso(std::string_view s) {
  Civil c;
  std::size_t pos = 0;
  if (!ReadDigits(s, &pos, 4, &c.year)) return std::nullopt;
  const bool extended = pos < s.size() && s[pos] == '-';
  if (extended) {
    ++pos;
    if (!ReadDigits(s, &pos, 2, &c.month)) return std::nullopt;
    if (pos < s.size() && s[pos] == '-') {
      ++pos;
      if (!ReadDigits(s, &pos, 2, &c.day)) return std::nullopt;
    } else {
      c.day = 1;  // "2026-01": the month.
    }
  } else {
    if (!ReadDigits(s, &pos, 2, &c.month) || !ReadDigits(s, &pos, 2, &c.day)) {
      return std::nullopt;
    }
    // WARC 14-digit timestamp: YYYYMMDDhhmmss.
    int hh, mm, ss;
    std::size_t p = pos;
    if (ReadDigits(s, &p, 2, &hh) && ReadDigits(s, &p, 2, &mm) &&
        ReadDigits(s, &p, 2, &ss)) {
      c.hour = hh;
      c.minute = mm;
      c.second = ss;
      pos = p;
      if (!ParseZone(s, pos, &c.offset_s)) return std::nullopt;
      return ToUnix(c);
    }
  }
  if (!ReadIsoTime(s, &pos, &c) || !ParseZone(s, pos, &c.offset_s)) return std::nullopt;
  return ToUnix(c);
}

int MonthFromName(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  char lower[3];
  for (int i = 0; i < 3; ++i) lower[i] = AsciiLower(word[i]);
  for (int i = 0; i < 12; ++i) {
    if (std::string_view(lower, 3) == kMonths[i]) return i + 1;
  }
  return 0;
}

bool IsWeekdayName(std::string_view word) {
  static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (word.size() < 3) return false;
  char lower[3];
  for (int i = 0; i < 3; ++i) lower[i] = AsciiLower(word[i]);
  for (std::string_view d : kDays) {
    if (std::string_view(lower, 3) == d) return true;
  }
  return false;
}

// What the tokens of a loose date ("Wed, 28 Jan 2026 09:30:00 GMT") have
// given so far; ScanLoose fills it in any token order.
struct LooseFields {
  Civil c;
  std::vector<int> numbers;        // Day and year candidates, in text order.
  std::vector<int> number_digits;  // Their digit counts: 4 marks the year.
  bool have_time = false, have_zone = false, pm = false, am = false;
};

// Reads the clock time "9:30", "09:30:00" or "09:30:00.123" whose hour
// digits are s[pos, end) and end at a ':'; sets *next past it. False when it
// is malformed (three hour digits, a one-digit minute).
bool ReadClockTime(std::string_view s, std::size_t pos, std::size_t end, std::size_t* next,
                   Civil* c) {
  if (end - pos > 2) return false;
  int hh = 0, mm = 0, ss = 0;
  std::size_t p = pos;
  for (; p < end; ++p) hh = hh * 10 + (s[p] - '0');
  ++p;
  if (!ReadDigits(s, &p, 2, &mm)) return false;
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!ReadDigits(s, &p, 2, &ss)) return false;
  }
  if (p < s.size() && s[p] == '.') {  // Fractions of a second are dropped.
    ++p;
    while (p < s.size() && IsDigit(s[p])) ++p;
  }
  c->hour = hh;
  c->minute = mm;
  c->second = ss;
  *next = p;
  return true;
}

// The digit run at *pos: the clock time when a ':' follows it (only the
// first time counts: later colons are not times), otherwise a day or year
// candidate of at most 4 digits. False for anything longer.
bool ReadLooseNumber(std::string_view s, std::size_t* pos, LooseFields* f) {
  std::size_t end = *pos;
  while (end < s.size() && IsDigit(s[end])) ++end;
  if (end < s.size() && s[end] == ':' && !f->have_time) {
    if (!ReadClockTime(s, *pos, end, pos, &f->c)) return false;
    f->have_time = true;
    return true;
  }
  if (end - *pos > 4) return false;
  int v = 0;
  for (std::size_t p = *pos; p < end; ++p) v = v * 10 + (s[p] - '0');
  f->numbers.push_back(v);
  f->number_digits.push_back(static_cast<int>(end - *pos));
  *pos = end;
  return true;
}

// "+0800", "-05:00": a signed offset counts only after the time, and only
// once; before the time a '-' separates day, month and year ("28-Jan-26").
bool IsLooseOffsetStart(std::string_view s, std::size_t pos, const LooseFields& f) {
  return (s[pos] == '+' || s[pos] == '-') && f.have_time && !f.have_zone && pos + 1 < s.size() &&
         IsDigit(s[pos + 1]);
}

bool ReadLooseOffset(std::string_view s, std::size_t* pos, LooseFields* f) {
  std::size_t end = *pos + 1;
  while (end < s.size() && (IsDigit(s[end]) || s[end] == ':')) ++end;
  if (!ParseZone(s.substr(*pos, end - *pos), 0, &f->c.offset_s)) return false;
  f->have_zone = true;
  *pos = end;
  return true;
}

// "PM" or "AM" in any case, by the first letter.
bool IsMeridiem(std::string_view word, char lower_first) {
  return word.size() == 2 && AsciiLower(word[0]) == lower_first && AsciiLower(word[1]) == 'm';
}

// A word of a loose date: the month (the first one), a weekday, AM/PM, a
// named zone, a separator or a military zone letter. False for any other
// word, which makes the text no date.
bool ReadLooseWord(std::string_view word, LooseFields* f) {
  if (const int m = MonthFromName(word); m != 0 && f->c.month == 0 && word.size() <= 9) {
    f->c.month = m;
    return true;
  }
  if (IsWeekdayName(word)) return true;  // Redundant, and often wrong in real feeds.
  if (IsMeridiem(word, 'p')) {
    f->pm = true;
    return true;
  }
  if (IsMeridiem(word, 'a')) {
    f->am = true;
    return true;
  }
  if (const auto hours = NamedZoneOffset(word); hours && !f->have_zone) {
    f->c.offset_s = *hours * 3600;
    f->have_zone = true;
    return true;
  }
  if (word == "T" || word == "at" || word == "of") return true;  // Separators seen in the wild.
  if (word.size() == 1 && f->have_time) {
    f->have_zone = true;  // RFC 822 military zone letter: treated as UTC.
    return true;
  }
  return false;
}

// Splits s into digit runs, zone offsets and words, in any order, skipping
// the separators (space , - / .). False at the first token that fits no slot.
bool ScanLoose(std::string_view s, LooseFields* f) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char ch = s[pos];
    if (IsDigit(ch)) {
      if (!ReadLooseNumber(s, &pos, f)) return false;
    } else if (IsLooseOffsetStart(s, pos, *f)) {
      if (!ReadLooseOffset(s, &pos, f)) return false;
    } else if (std::isalpha(static_cast<unsigned char>(ch))) {
      std::size_t end = pos;
      while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
      if (!ReadLooseWord(s.substr(pos, end - pos), f)) return false;
      pos = end;
    } else {
      ++pos;
    }
  }
  return true;
}

// The day: the first number in 1..31 that is not the year, or -1.
int FindDayIndex(const std::vector<int>& numbers, int year_index) {
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (static_cast<int>(i) != year_index && numbers[i] >= 1 && numbers[i] <= 31) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Without a 4-digit year ("28-Jan-26"), the first number other than the day
// is a two-digit year: 00-49 are 2000-2049, 50-99 are 1950-1999. Rewrites it
// as a full year and returns its index, or -1.
int ExpandTwoDigitYear(std::vector<int>* numbers, int day_index) {
  for (std::size_t i = 0; i < numbers->size(); ++i) {
    if (static_cast<int>(i) == day_index) continue;
    int& yy = (*numbers)[i];
    if (yy >= 100) return -1;
    yy = yy < 50 ? 2000 + yy : 1900 + yy;
    return static_cast<int>(i);
  }
  return -1;
}

// Turns the scanned fields into a time: a month, a day and a year are
// required (the last 4-digit number is the year), and no third number.
std::optional<std::int64_t> AssembleLoose(LooseFields* f) {
  Civil& c = f->c;
  std::vector<int>& numbers = f->numbers;
  if (c.month == 0 || numbers.empty()) return std::nullopt;
  int year_index = -1;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (f->number_digits[i] == 4) year_index = static_cast<int>(i);
  }
  const int day_index = FindDayIndex(numbers, year_index);
  if (day_index < 0) return std::nullopt;
  if (year_index < 0) {
    year_index = ExpandTwoDigitYear(&numbers, day_index);
    if (year_index < 0) return std::nullopt;
  }
  if (numbers.size() > 2) return std::nullopt;
  c.year = numbers[year_index];
  c.day = numbers[day_index];
  if (f->pm && c.hour < 12) c.hour += 12;
  if (f->am && c.hour == 12) c.hour = 0;
  return ToUnix(c);
}

// RFC 822 and its real-world variants, plus asctime: tokens in any order.
std::optional<std::int64_t> ParseLoose(std::string_view s) {
  LooseFields f;
  if (!ScanLoose(s, &f)) return std::nullopt;
  return AssembleLoose(&f);
}

}  // namespace

std::optional<std::int64_t> ParseDateTime(std::string_view text) {
  const std::string_view s = Trim(text);
  if (s.size() < 6 || s.size() > 64) return std::nullopt;
  if (s.size() >= 8 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) &&
      (s[4] == '-' || IsDigit(s[4]))) {
    if (auto t = ParseIso(s)) return t;
  }
  return ParseLoose(s);
}

}  // namespace newsx
