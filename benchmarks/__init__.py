"""argmap's benchmark suite: a map generator, the cases, and the runner behind `make bench`."""
