#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsx {

// Formats seconds since the Unix epoch as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatIsoUtc(std::int64_t unix_s);

// Formats a civil date as "YYYY-MM-DD".
std::string FormatIsoDate(int year, int month, int day);

// Parses the date-time forms found in feeds, sitemaps, HTML metadata and WARC
// headers, and returns seconds since the Unix epoch in UTC:
//   ISO 8601 / RFC 3339: "2026-01-28", "2026-01-28T09:30", "2026-01-28T09:30:00.123+08:00",
//     "2026-01-28 09:30:00Z", "20260128T093000Z", "2026-01-28T09:30:00 +0800";
//   RFC 822 / 1123 and variants: "Wed, 28 Jan 2026 09:30:00 GMT", "28 Jan 2026 09:30 +0800",
//     "Wednesday, 28-Jan-26 09:30:00 EST", missing weekday or seconds, named US zones.
//   WARC/ARC 14-digit timestamps: "20260128093000".
// A date without time is midnight UTC; a time without zone is taken as UTC.
// Returns nullopt for anything else or an impossible date. Thread-safe.
std::optional<std::int64_t> ParseDateTime(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's
// algorithm); valid for all int years.
std::int64_t DaysFromCivil(int year, int month, int day);

// Inverse of DaysFromCivil.
void CivilFromDays(std::int64_t days, int* year, int* month, int* day);

}  // namespace newsx
