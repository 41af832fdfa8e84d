#pragma once

#include <cstddef>
#include <functional>

namespace baton::cli {

// The cores this process may run on (its CPU affinity), at least 1: the
// default of `check --jobs`.
unsigned available_cores();

// Calls task(i) for every i in [0, count), on up to `jobs` threads (the
// calling thread is one of them) taking indexes from a shared counter. With
// one job, or one task, everything runs on the calling thread in order.
// `task` must not throw.
void for_each_index(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task);

}  // namespace baton::cli
