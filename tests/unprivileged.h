#pragma once

// Runs a check without root's right to read anything: tests of permission
// errors mean nothing as root, and CI runs as root.

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

namespace newsx::testing {

// What RunUnprivileged returns when privileges could not be dropped.
inline constexpr int kCannotDropPrivileges = 250;

// Runs `check` and returns its result. As root, runs it in a forked child
// as user and group 65534 ("nobody"), so that file permissions apply; the
// child must not use Catch2 assertions, only return a code (0..249).
// Returns kCannotDropPrivileges when the child could not switch user.
inline int RunUnprivileged(const std::function<int()>& check) {
  if (::geteuid() != 0) return check();
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) {
      ::_exit(kCannotDropPrivileges);
    }
    ::_exit(check());
  }
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace newsx::testing
