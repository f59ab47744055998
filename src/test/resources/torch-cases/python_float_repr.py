# repr(float) is the shortest text that reads back, also where the gap below a power of two is half the gap above
import math
vals = [2**-24, 2**-30, 2.0**60, 2**-1074, 5e-324, 1e23, 2**53 + 0.0, 0.1, 1/3, 2**-126, 2**-149, 9007199254740993.0, 1.7976931348623157e308, 2**-1022]
vals += [2.0**k for k in range(-60, 70, 7)]
vals += [2.0 ** k * (1 + 2**-52) for k in range(-40, 40, 9)]
print([repr(v) for v in vals])
