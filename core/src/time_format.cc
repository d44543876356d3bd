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
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    std::size_t p = pos + 1;
    SkipSpaces(s, &p);
    if (p < s.size() && IsDigit(s[p])) {
      pos = p;
      if (!ReadDigits(s, &pos, 2, &c.hour)) return std::nullopt;
      const bool colon = pos < s.size() && s[pos] == ':';
      if (colon) ++pos;
      if (!ReadDigits(s, &pos, 2, &c.minute)) return std::nullopt;
      if (pos < s.size() && (s[pos] == ':' || (!colon && IsDigit(s[pos])))) {
        if (s[pos] == ':') ++pos;
        if (!ReadDigits(s, &pos, 2, &c.second)) return std::nullopt;
      }
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        while (pos < s.size() && IsDigit(s[pos])) ++pos;
      }
    }
  }
  if (!ParseZone(s, pos, &c.offset_s)) return std::nullopt;
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

// RFC 822 and its real-world variants, plus asctime: tokens in any order.
std::optional<std::int64_t> ParseLoose(std::string_view s) {
  Civil c;
  std::vector<int> numbers;
  std::vector<int> number_digits;
  bool have_time = false, have_zone = false, pm = false, am = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char ch = s[pos];
    if (IsDigit(ch)) {
      std::size_t end = pos;
      while (end < s.size() && IsDigit(s[end])) ++end;
      if (end < s.size() && s[end] == ':' && !have_time) {
        int hh = 0, mm = 0, ss = 0;
        std::size_t p = pos;
        if (end - pos > 2) return std::nullopt;
        for (; p < end; ++p) hh = hh * 10 + (s[p] - '0');
        ++p;
        if (!ReadDigits(s, &p, 2, &mm)) return std::nullopt;
        if (p < s.size() && s[p] == ':') {
          ++p;
          if (!ReadDigits(s, &p, 2, &ss)) return std::nullopt;
        }
        if (p < s.size() && s[p] == '.') {
          ++p;
          while (p < s.size() && IsDigit(s[p])) ++p;
        }
        c.hour = hh;
        c.minute = mm;
        c.second = ss;
        have_time = true;
        pos = p;
        continue;
      }
      if (end - pos > 4) return std::nullopt;
      int v = 0;
      for (std::size_t p = pos; p < end; ++p) v = v * 10 + (s[p] - '0');
      numbers.push_back(v);
      number_digits.push_back(static_cast<int>(end - pos));
      pos = end;
      continue;
    }
    if ((ch == '+' || ch == '-') && have_time && !have_zone && pos + 1 < s.size() &&
        IsDigit(s[pos + 1])) {
      std::size_t end = pos + 1;
      while (end < s.size() && (IsDigit(s[end]) || s[end] == ':')) ++end;
      if (!ParseZone(s.substr(pos, end - pos), 0, &c.offset_s)) return std::nullopt;
      have_zone = true;
      pos = end;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      std::size_t end = pos;
      while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
      const std::string_view word = s.substr(pos, end - pos);
      pos = end;
      if (const int m = MonthFromName(word); m != 0 && c.month == 0 && word.size() <= 9) {
        c.month = m;
      } else if (IsWeekdayName(word)) {
        // Ignored: redundant, and often wrong in real feeds.
      } else if (word.size() == 2 && (word[0] == 'P' || word[0] == 'p') &&
                 (word[1] == 'M' || word[1] == 'm')) {
        pm = true;
      } else if (word.size() == 2 && (word[0] == 'A' || word[0] == 'a') &&
                 (word[1] == 'M' || word[1] == 'm')) {
        am = true;
      } else if (const auto hours = NamedZoneOffset(word); hours && !have_zone) {
        c.offset_s = *hours * 3600;
        have_zone = true;
      } else if (word == "T" || word == "at" || word == "of") {
        // Separators seen in the wild.
      } else if (word.size() == 1 && have_time) {
        have_zone = true;  // RFC 822 military zone letter: treated as UTC.
      } else {
        return std::nullopt;
      }
      continue;
    }
    ++pos;  // Separators: space , - / .
  }
  if (c.month == 0 || numbers.empty()) return std::nullopt;
  int year_index = -1;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (number_digits[i] == 4) year_index = static_cast<int>(i);
  }
  int day_index = -1;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (static_cast<int>(i) != year_index && numbers[i] >= 1 && numbers[i] <= 31) {
      day_index = static_cast<int>(i);
      break;
    }
  }
  if (day_index < 0) return std::nullopt;
  if (year_index < 0) {
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      if (static_cast<int>(i) != day_index) {
        year_index = static_cast<int>(i);
        break;
      }
    }
    if (year_index < 0) return std::nullopt;
    const int yy = numbers[year_index];
    if (yy >= 100) return std::nullopt;
    numbers[year_index] = yy < 50 ? 2000 + yy : 1900 + yy;
  }
  if (numbers.size() > 2) return std::nullopt;
  c.year = numbers[year_index];
  c.day = numbers[day_index];
  if (pm && c.hour < 12) c.hour += 12;
  if (am && c.hour == 12) c.hour = 0;
  return ToUnix(c);
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
