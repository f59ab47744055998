# operator: itemgetter/attrgetter as sort keys, reduce over operator.mul/add, the operators as functions.
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce
import torch
pairs = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(pairs, key=itemgetter(1)), sorted(pairs, key=itemgetter(0)), itemgetter(0, 1)(pairs[0]))
print(reduce(operator.mul, [1, 2, 3, 4]), reduce(operator.add, [torch.ones(2), torch.ones(2)]))
print(operator.matmul(torch.eye(2), torch.ones(2)), operator.neg(3), operator.truediv(7, 2), operator.getitem([5, 6], 1))
class P:
    def __init__(self, x):
        self.x = x
print([p.x for p in sorted([P(3), P(1)], key=attrgetter("x"))], methodcaller("upper")("abc"), itemgetter(2), operator.contains([1, 2], 2))
print(operator.abs(-2), operator.abs(-1.5))
