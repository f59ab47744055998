package org.autogradstudio.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parser structure: precedence and associativity as in Python, every statement kind, positions. */
class ParserTest {

    static Expr expr(String src) {
        return Parser.parseExpression(new SourceText("<test>", src));
    }

    static List<Stmt> module(String src) {
        return Parser.parseModule(new SourceText("<test>", src));
    }

    /** A compact S-expression of an expression tree. */
    static String sx(Expr e) {
        if (e instanceof Expr.Name n) {
            return n.id();
        }
        if (e instanceof Expr.Constant c) {
            return c.value() instanceof String s ? "'" + s + "'" : String.valueOf(c.value());
        }
        if (e instanceof Expr.BinOp b) {
            return "(" + b.op().symbol + " " + sx(b.left()) + " " + sx(b.right()) + ")";
        }
        if (e instanceof Expr.UnaryOp u) {
            return "(" + u.op().name().toLowerCase() + " " + sx(u.operand()) + ")";
        }
        if (e instanceof Expr.BoolOp b) {
            return "(" + (b.isAnd() ? "and" : "or") + " " + b.values().stream().map(ParserTest::sx)
                    .collect(Collectors.joining(" ")) + ")";
        }
        if (e instanceof Expr.Compare c) {
            StringBuilder sb = new StringBuilder("(cmp ").append(sx(c.left()));
            for (int i = 0; i < c.ops().size(); i++) {
                sb.append(' ').append(c.ops().get(i).name().toLowerCase()).append(' ').append(sx(c.comparators().get(i)));
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expr.IfExp i) {
            return "(if " + sx(i.test()) + " " + sx(i.body()) + " " + sx(i.orElse()) + ")";
        }
        if (e instanceof Expr.Call c) {
            String args = c.args().stream().map(ParserTest::sx).collect(Collectors.joining(" "));
            String kws = c.keywords().stream().map(k -> (k.name() == null ? "**" : k.name() + "=") + sx(k.value()))
                    .collect(Collectors.joining(" "));
            return "(call " + sx(c.func()) + (args.isEmpty() ? "" : " " + args) + (kws.isEmpty() ? "" : " " + kws) + ")";
        }
        if (e instanceof Expr.Attribute a) {
            return "(. " + sx(a.value()) + " " + a.attr() + ")";
        }
        if (e instanceof Expr.Subscript s) {
            return "([] " + sx(s.value()) + " " + sx(s.index()) + ")";
        }
        if (e instanceof Expr.Slice s) {
            return "(: " + (s.lower() == null ? "_" : sx(s.lower())) + " " + (s.upper() == null ? "_" : sx(s.upper()))
                    + " " + (s.step() == null ? "_" : sx(s.step())) + ")";
        }
        if (e instanceof Expr.TupleExpr t) {
            return "(tuple" + t.elts().stream().map(x -> " " + sx(x)).collect(Collectors.joining()) + ")";
        }
        if (e instanceof Expr.ListExpr l) {
            return "(list" + l.elts().stream().map(x -> " " + sx(x)).collect(Collectors.joining()) + ")";
        }
        if (e instanceof Expr.Starred s) {
            return "*" + sx(s.value());
        }
        if (e instanceof Expr.Lambda l) {
            return "(lambda " + l.params().params().stream().map(Expr.Param::name).collect(Collectors.joining(","))
                    + " " + sx(l.body()) + ")";
        }
        if (e instanceof Expr.JoinedStr j) {
            return "(f" + j.values().stream().map(x -> " " + sx(x)).collect(Collectors.joining()) + ")";
        }
        if (e instanceof Expr.FormattedValue fv) {
            return "{" + sx(fv.value()) + (fv.conversion() != 0 ? "!" + fv.conversion() : "")
                    + (fv.formatSpec() != null ? ":" + sx(fv.formatSpec()) : "") + "}";
        }
        if (e instanceof Expr.Comprehension c) {
            return "(" + c.kind().name().toLowerCase() + " " + sx(c.element()) + " for " + sx(c.clauses().get(0).target())
                    + " in " + sx(c.clauses().get(0).iter()) + ")";
        }
        return e.getClass().getSimpleName();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        "-x**2 # (neg (** x 2))",
        "2**-1 # (** 2 (neg 1))",
        "2**3**2 # (** 2 (** 3 2))",
        "a - b - c # (- (- a b) c)",
        "a + b * c # (+ a (* b c))",
        "a * b @ c // d % e # (% (// (@ (* a b) c) d) e)",
        "a | b ^ c & d << 1 # (| a (^ b (& c (<< d 1))))",
        "not a and b or c # (or (and (not a) b) c)",
        "not a == b # (not (cmp a eq b))",
        "a < b < c # (cmp a lt b lt c)",
        "a is not b # (cmp a is_not b)",
        "a not in b # (cmp a not_in b)",
        "x if c else y if d else z # (if c x (if d y z))",
        "~x + 1 # (+ (invert x) 1)",
        "-a.b(c)[d] # (neg ([] (call (. a b) c) d))",
        "f(a, *b, k=1, **kw) # (call f a *b k=1 **kw)",
        "a[1:2, ::3, None] # ([] a (tuple (: 1 2 _) (: _ _ 3) NONE))",
        "lambda x, y: x + y # (lambda x,y (+ x y))",
        "(w*x+b-y)**2 # (** (- (+ (* w x) b) y) 2)",
        "[x*x for x in r] # (list (* x x) for x in r)",
        "f(x for x in y) # (call f (generator x for x in y))",
        "1, 2 # (tuple 1 2)",
        "'a' 'b' # 'ab'",
    })
    void precedence(String src, String expected) {
        assertEquals(expected, sx(expr(src)));
    }

    @Test
    void fStringsWithConversionsAndNestedSpecs() {
        assertEquals("(f 'v=' {x!r} ' ' {y:(f '.' {p} 'f')})", sx(expr("f'v={x!r} {y:.{p}f}'")));
        assertEquals("(f {(+ a 1):(f '>4')})", sx(expr("f'{a + 1:>4}'")));
        assertEquals("(f 'x=' {x!r})", sx(expr("f'{x=}'")));
        assertEquals("(f {'s'})", sx(expr("f\"{'s'}\"")));
    }

    @Test
    void numbersAndStrings() {
        assertEquals(1e-8, ((Expr.Constant) expr("1e-8")).value());
        assertEquals(1.0, ((Expr.Constant) expr("1.")).value());
        assertEquals(0.5, ((Expr.Constant) expr(".5")).value());
        assertEquals(1000000L, ((Expr.Constant) expr("1_000_000")).value());
        assertEquals(255L, ((Expr.Constant) expr("0xff")).value());
        assertEquals(new java.math.BigInteger("123456789012345678901234567890"),
                ((Expr.Constant) expr("123456789012345678901234567890")).value());
        assertEquals("a\nb\t\\'\"A\u00e9", ((Expr.Constant) expr("'a\\nb\\t\\\\\\'\"\\x41\\u00e9'")).value());
        assertEquals("a\\nb", ((Expr.Constant) expr("r'a\\nb'")).value());
        assertEquals("l1\nl2", ((Expr.Constant) expr("'''l1\nl2'''")).value());
    }

    @Test
    void everyStatementKind() {
        String src = String.join("\n",
                "import torch, torch.nn.functional as F",
                "from math import sqrt as s, pi",
                "x = y = 1; x += 2; x: int = 3",
                "a, (b, *c) = 1, (2, 3)",
                "t[0] = v.w = 5",
                "if x:\n    pass\nelif y:\n    pass\nelse:\n    pass",
                "while x:\n    break\nelse:\n    pass",
                "for i in range(3):\n    continue",
                "@deco\ndef f(a, b=1, *args, c, d=2, **kw) -> int:\n    '''doc'''\n    global g\n    return a",
                "class C(B):\n    def m(self):\n        nonlocal_free = 1\n        return super().m()",
                "try:\n    raise ValueError('x') from None\nexcept (A, B) as e:\n    raise\nexcept:\n    pass\n"
                        + "else:\n    pass\nfinally:\n    pass",
                "with a as b, c:\n    del b, t[0]",
                "assert x, 'msg'",
                "lambda: 0");
        List<Stmt> body = module(src);
        List<Class<?>> kinds = body.stream().<Class<?>>map(Object::getClass).collect(Collectors.toList());
        assertEquals(List.of(Stmt.Import.class, Stmt.ImportFrom.class, Stmt.Assign.class, Stmt.AugAssign.class,
                Stmt.AnnAssign.class, Stmt.Assign.class, Stmt.Assign.class, Stmt.If.class, Stmt.While.class,
                Stmt.For.class, Stmt.FunctionDef.class, Stmt.ClassDef.class, Stmt.Try.class, Stmt.With.class,
                Stmt.Assert.class, Stmt.ExprStmt.class), kinds);
        Stmt.FunctionDef f = (Stmt.FunctionDef) body.get(10);
        assertEquals("doc", f.docstring());
        assertEquals(List.of("a", "b", "args", "c", "d", "kw"),
                f.params().params().stream().map(Expr.Param::name).collect(Collectors.toList()));
        assertEquals(1, f.decorators().size());
        Stmt.Try t = (Stmt.Try) body.get(12);
        assertEquals(2, t.handlers().size());
        assertEquals("e", t.handlers().get(0).name());
    }

    @Test
    void positionsAreLineAndColumn() {
        List<Stmt> body = module("x = 1\nif x:\n    y = (a +\n         b)\n");
        Stmt.If s = (Stmt.If) body.get(1);
        assertEquals(2, s.line());
        Stmt.Assign inner = (Stmt.Assign) s.body().get(0);
        assertEquals(3, inner.line());
        assertEquals(4, inner.col());
        Expr.BinOp sum = (Expr.BinOp) inner.value();
        assertEquals(3, sum.line());
        assertEquals(9, sum.col());
        assertEquals(4, sum.right().line());
        assertEquals(9, sum.right().col());
    }

    @Test
    void indentationAndContinuations() {
        List<Stmt> body = module("total = (1 +\n  2) + \\\n 3\nif total:\n\n  # comment\n  a = [1,\n2]\n  b = 2\nc = 3");
        assertEquals(3, body.size());
        assertInstanceOf(Stmt.If.class, body.get(1));
        assertEquals(2, ((Stmt.If) body.get(1)).body().size());
    }

    @Test
    void syntaxErrorsCarryPosition() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> module("x = 1\nif x\n    pass\n"));
        assertEquals("expected ':'", e.msg());
        assertEquals(2, e.line());
        assertEquals(5, e.offset());
        e = assertThrows(PySyntaxError.class, () -> module("def f():\n  return (1,\n"));
        assertEquals("'(' was never closed", e.msg());
        assertEquals(2, e.line());
        assertEquals(10, e.offset());
        e = assertThrows(PySyntaxError.class, () -> module("s = 'abc\n"));
        assertEquals("unterminated string literal (detected at line 1)", e.msg());
        e = assertThrows(PySyntaxError.class, () -> module("  x = 1\n"));
        assertEquals("IndentationError", e.type());
        assertEquals("unexpected indent", e.msg());
        e = assertThrows(PySyntaxError.class, () -> module("f'{}'"));
        assertEquals("f-string: empty expression not allowed", e.msg());
        e = assertThrows(PySyntaxError.class, () -> module("f(x=1, 2)"));
        assertEquals("positional argument follows keyword argument", e.msg());
        e = assertThrows(PySyntaxError.class, () -> module("x = 1 $ 2"));
        assertEquals("invalid syntax", e.msg());
        e = assertThrows(PySyntaxError.class, () -> module("x = 08"));
        assertTrue(e.msg().startsWith("leading zeros"));
    }

    @Test
    void lexerTokens() {
        List<Token> toks = Lexer.tokenize(new SourceText("<t>", "if a:\n    b = 1.5e3\n"));
        String kinds = toks.stream().map(t -> t.kind() + (t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.OP
                ? ":" + t.text() : "")).collect(Collectors.joining(" "));
        assertEquals("NAME:if NAME:a OP:: NEWLINE INDENT NAME:b OP:= NUMBER NEWLINE DEDENT END", kinds);
        assertEquals(1500.0, toks.get(7).value());
    }
}
