#pragma once

#include <vector>

// The statistics every benchmark prints: medians of repetitions and nearest-rank percentiles of latencies.
namespace poruch::bench {

double median(std::vector<double> values); // 0 for no values
double percentile(std::vector<double> values, double p); // nearest rank, p in (0, 100]; 0 for no values

} // namespace poruch::bench
