#pragma once

// Clang's thread-safety attributes
// (https://clang.llvm.org/docs/ThreadSafetyAnalysis.html), checked by a
// compile with -Wthread-safety (scripts/thread_safety.sh); under GCC they
// expand to nothing. Use them with newsx::Mutex (core/mutex.h): std::mutex
// in libstdc++ carries no annotations, so the analysis cannot see it.

#if defined(__clang__)
#define NEWSX_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define NEWSX_THREAD_ANNOTATION(x)
#endif

// On a class: it is a lock (a "capability").
#define NEWSX_CAPABILITY(name) NEWSX_THREAD_ANNOTATION(capability(name))
// On an RAII class: it holds a lock from construction to destruction.
#define NEWSX_SCOPED_CAPABILITY NEWSX_THREAD_ANNOTATION(scoped_lockable)
// On a member: read and written only with `mu` held.
#define NEWSX_GUARDED_BY(mu) NEWSX_THREAD_ANNOTATION(guarded_by(mu))
// On a pointer member: what it points to is accessed only with `mu` held.
#define NEWSX_PT_GUARDED_BY(mu) NEWSX_THREAD_ANNOTATION(pt_guarded_by(mu))
// On a function: callers hold these locks.
#define NEWSX_REQUIRES(...) NEWSX_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
// On a function: callers do not hold these locks (it takes them).
#define NEWSX_EXCLUDES(...) NEWSX_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
// On a function: it takes / releases these locks (none named: `this`).
#define NEWSX_ACQUIRE(...) NEWSX_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define NEWSX_RELEASE(...) NEWSX_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define NEWSX_TRY_ACQUIRE(...) NEWSX_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
// On a function: not analysed (say why next to it).
#define NEWSX_NO_THREAD_SAFETY_ANALYSIS NEWSX_THREAD_ANNOTATION(no_thread_safety_analysis)
