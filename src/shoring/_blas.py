"""Single-threaded BLAS for the simulation (imported by the CLI before NumPy loads).

The simulation parallelises over NumPy threads or Dask workers itself; a multi-threaded BLAS
under it only spins (measured: about twice the CPU time for the same result).  A value the
user sets in the environment wins.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
