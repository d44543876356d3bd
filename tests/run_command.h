#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace newsx::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Single-quotes `arg` for /bin/sh.
inline std::string ShellQuote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'') q += "'\\''"; else q += c;
  }
  return q + "'";
}

// Runs `argv` through /bin/sh (no stdin) and captures exit code, stdout and
// stderr. For CLI tests of the real binary.
inline CommandResult RunCommand(const std::vector<std::string>& argv) {
  TempDir io;
  std::string cmd;
  for (const std::string& a : argv) cmd += ShellQuote(a) + " ";
  cmd += "</dev/null >" + ShellQuote(io.File("out")) + " 2>" + ShellQuote(io.File("err"));
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  auto slurp = [](const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  r.out = slurp(io.File("out"));
  r.err = slurp(io.File("err"));
  return r;
}

}  // namespace newsx::testing
