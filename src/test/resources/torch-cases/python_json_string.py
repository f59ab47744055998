# json.dumps/loads of a training config (indent, sort_keys, separators, escapes, errors) and the string module's constants.
import json
import string
config = {"lr": 0.1, "layers": [2, 16, 1], "name": "mlp", "seed": None, "shuffle": True, "eps": 1e-8, "t": (1, 2)}
print(json.dumps(config))
print(json.dumps(config, indent=2, sort_keys=True))
print(json.dumps({"é": "naïve\n\t\"q\"", 1: [], 2.5: {}}), json.dumps("é", ensure_ascii=False), json.dumps([float("nan"), float("inf")]))
print(json.dumps(config, separators=(",", ":")), json.dumps([1, [2, [3]]], indent=4))
back = json.loads(json.dumps(config))
print(back, back == {**config, "t": [1, 2]})
print(json.loads('{"a": [1, 2.5e3, -0.5, true, false, null], "b": "x\\u00e9\\n"}'))
for bad in ['{"a": 1,}', '[1 2]', '', '{"a" 1}', '"abc']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e)
try:
    json.dumps({"x": {1, 2}})
except TypeError as e:
    print(e)
print(string.ascii_lowercase, string.digits, string.punctuation, string.capwords("hello autograd world"), len(string.printable))
