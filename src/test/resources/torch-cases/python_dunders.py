# the container protocol's dunder methods called by name on built-in lists, tuples, strings and dicts (as hook code does)
d = {}
d.__setitem__("a", 1)
print(d, d.__getitem__("a"), d.__contains__("a"), len(d), d.__len__())
l = [1]
l.__setitem__(0, 5)
print(l, l.__getitem__(0), "ab".__len__(), (1,2).__contains__(2), list((3,4).__iter__()))
f = d.__setitem__
f("b", 2)
print(d)
try:
    (1,2).__setitem__(0, 1)
except AttributeError as e:
    print(e)
