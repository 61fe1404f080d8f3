using System.Globalization;

namespace TradingBot.Backtesting.Optimization;

/// <summary>
/// A parameter constraint such as <c>fast &lt; slow</c> or <c>fast * 2 &lt;= slow and exit &lt; entry</c>: numbers,
/// parameter names, + − * /, parentheses, comparisons (&lt; &lt;= &gt; &gt;= == !=), <c>and</c>/<c>&amp;&amp;</c>,
/// <c>or</c>/<c>||</c>, <c>not</c>/<c>!</c>. Unknown names are reported when the constraint is bound to a strategy.
/// </summary>
public sealed class ConstraintExpression
{
    private readonly Node _root;

    private ConstraintExpression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    public IReadOnlySet<string> Names => _root.Names().ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static ConstraintExpression Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parser = new Parser(text);
        var root = parser.ParseOr();
        parser.ExpectEnd();
        if (root is not (Comparison or Logical or Not))
        {
            throw new FormatException($"Constraint '{text}' is not a condition; use a comparison such as fast < slow.");
        }

        return new ConstraintExpression(text, root);
    }

    public bool Evaluate(IReadOnlyDictionary<string, double> values) => _root.Evaluate(values) != 0;

    private abstract record Node
    {
        public abstract double Evaluate(IReadOnlyDictionary<string, double> values);

        public abstract IEnumerable<string> Names();
    }

    private sealed record NumberNode(double Value) : Node
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values) => Value;

        public override IEnumerable<string> Names() => [];
    }

    private sealed record NameNode(string Name) : Node
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values)
        {
            foreach (var (key, value) in values)
            {
                if (string.Equals(key, Name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            throw new ArgumentException($"Constraint uses '{Name}', which is not a parameter of the strategy.");
        }

        public override IEnumerable<string> Names() => [Name];
    }

    private sealed record Arithmetic(char Op, Node Left, Node Right) : Node
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values)
        {
            var (l, r) = (Left.Evaluate(values), Right.Evaluate(values));
            return Op switch { '+' => l + r, '-' => l - r, '*' => l * r, _ => l / r };
        }

        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
    }

    private sealed record Negate(Node Operand) : Node
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values) => -Operand.Evaluate(values);

        public override IEnumerable<string> Names() => Operand.Names();
    }

    private sealed record Comparison(string Op, Node Left, Node Right) : Node
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values)
        {
            var (l, r) = (Left.Evaluate(values), Right.Evaluate(values));
            var result = Op switch
            {
                "<" => l < r,
                "<=" => l <= r,
                ">" => l > r,
                ">=" => l >= r,
                "==" => l == r,
                _ => l != r,
            };
            return result ? 1 : 0;
        }

        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
    }

    private sealed record Logical(bool IsAnd, Node Left, Node Right) : Node
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values) =>
            IsAnd
                ? (Left.Evaluate(values) != 0 && Right.Evaluate(values) != 0 ? 1 : 0)
                : (Left.Evaluate(values) != 0 || Right.Evaluate(values) != 0 ? 1 : 0);

        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
    }

    private sealed record Not(Node Operand) : Node
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values) => Operand.Evaluate(values) == 0 ? 1 : 0;

        public override IEnumerable<string> Names() => Operand.Names();
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public Node ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||") || AcceptWord("or"))
            {
                left = new Logical(false, left, ParseAnd());
            }

            return left;
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position < text.Length)
            {
                throw Error($"unexpected '{text[_position..]}'");
            }
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (Accept("&&") || AcceptWord("and"))
            {
                left = new Logical(true, left, ParseNot());
            }

            return left;
        }

        private Node ParseNot() =>
            Accept("!") || AcceptWord("not") ? new Not(ParseNot()) : ParseComparison();

        private Node ParseComparison()
        {
            var left = ParseSum();
            foreach (var op in new[] { "<=", ">=", "==", "!=", "<", ">", "=" })
            {
                if (Accept(op))
                {
                    return new Comparison(op == "=" ? "==" : op, left, ParseSum());
                }
            }

            return left;
        }

        private Node ParseSum()
        {
            var left = ParseProduct();
            while (true)
            {
                if (Accept("+"))
                {
                    left = new Arithmetic('+', left, ParseProduct());
                }
                else if (Accept("-"))
                {
                    left = new Arithmetic('-', left, ParseProduct());
                }
                else
                {
                    return left;
                }
            }
        }

        private Node ParseProduct()
        {
            var left = ParseUnary();
            while (true)
            {
                if (Accept("*"))
                {
                    left = new Arithmetic('*', left, ParseUnary());
                }
                else if (Accept("/"))
                {
                    left = new Arithmetic('/', left, ParseUnary());
                }
                else
                {
                    return left;
                }
            }
        }

        private Node ParseUnary()
        {
            if (Accept("-"))
            {
                return new Negate(ParseUnary());
            }

            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")"))
                {
                    throw Error("missing ')'");
                }

                return inner;
            }

            SkipSpace();
            var start = _position;
            if (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
            {
                while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
                {
                    _position++;
                }

                return double.TryParse(text.AsSpan(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new NumberNode(number)
                    : throw Error($"'{text[start.._position]}' is not a number");
            }

            if (_position < text.Length && (char.IsAsciiLetter(text[_position]) || text[_position] == '_'))
            {
                while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
                {
                    _position++;
                }

                return new NameNode(text[start.._position]);
            }

            throw Error(_position < text.Length ? $"unexpected '{text[_position]}'" : "unexpected end");
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
            {
                return false;
            }

            _position += token.Length;
            return true;
        }

        private bool AcceptWord(string word)
        {
            SkipSpace();
            var end = _position + word.Length;
            if (end <= text.Length && string.Compare(text, _position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end])))
            {
                _position = end;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private FormatException Error(string what) => new($"Constraint '{text}': {what} at position {_position + 1}.");
    }
}
