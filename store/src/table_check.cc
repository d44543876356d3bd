#include "table_check.h"

#include <rocksdb/convenience.h>
#include <rocksdb/metadata.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>


namespace newsx::store::internal {

namespace {

// "<file number> <size> <mtime ns>": changes when the file is rewritten.
std::string Signature(const rocksdb::LiveFileMetaData& file) {
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(file.directory + "/" + file.relative_filename, ec);
  const long long mtime_ns =
      ec ? -1
         : static_cast<long long>(
               std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count());
  return std::to_string(file.file_number) + " " + std::to_string(file.size) + " " +
         std::to_string(mtime_ns);
}

std::set<std::string> Lines(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.insert(line);
  }
  return lines;
}

}  // namespace

Status VerifyNewTableFiles(ArticleStore::Impl& impl, const rocksdb::Options& options,
                           const std::string& db_path) {
  std::vector<rocksdb::LiveFileMetaData> files;
  impl.db->GetLiveFilesMetaData(&files);
  const std::filesystem::path list = std::filesystem::path(db_path) / kVerifiedTablesFile;
  std::string stored;
  {
    std::ifstream in(list);
    std::ostringstream text;
    text << in.rdbuf();
    stored = text.str();
  }
  const std::set<std::string> verified = Lines(stored);
  std::set<std::string> now;
  for (const rocksdb::LiveFileMetaData& file : files) {
    const std::string signature = Signature(file);
    now.insert(signature);
    if (verified.count(signature) != 0) continue;
    const std::string path = file.directory + "/" + file.relative_filename;
    rocksdb::ReadOptions read;
    read.verify_checksums = true;
    read.fill_cache = false;
    const rocksdb::Status s =
        rocksdb::VerifySstFileChecksum(options, rocksdb::EnvOptions(options), read, path);
    if (!s.ok()) {
      return DataLossError("database is damaged, refusing to write to it: table file " + path +
                           ": " + s.ToString() +
                           " (newsx verify lists what is readable; restore a backup)");
    }
  }
  if (now == verified) return Status::Ok();
  std::string text;
  for (const std::string& line : now) text += line + "\n";
  const std::filesystem::path temp = list.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << text;
    if (!out.flush()) return Status::Ok();
  }
  std::error_code ec;
  std::filesystem::rename(temp, list, ec);
  return Status::Ok();
}

}  // namespace newsx::store::internal
