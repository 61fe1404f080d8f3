namespace TradingBot.Conventions.Tests.Licenses;

/// <summary>
/// Evaluates an SPDX license expression (<c>MIT</c>, <c>(MIT OR GPL-3.0-only)</c>, <c>Apache-2.0 AND BSD-3-Clause</c>,
/// <c>GPL-2.0-only WITH Classpath-exception-2.0</c>) against an allow-list: <c>OR</c> needs one allowed side (we may
/// choose it), <c>AND</c> needs both, <c>X WITH exception</c> is judged as <c>X</c> (an exception only adds
/// permissions). Operators are case-insensitive; anything unparsable is not allowed.
/// </summary>
internal sealed class SpdxExpression
{
    private readonly List<string> _tokens;
    private readonly Func<string, bool> _isAllowed;
    private int _position;

    private SpdxExpression(List<string> tokens, Func<string, bool> isAllowed)
    {
        _tokens = tokens;
        _isAllowed = isAllowed;
    }

    public static bool IsSatisfiedBy(string expression, Func<string, bool> isAllowed)
    {
        var tokens = Tokenize(expression);
        if (tokens.Count == 0)
        {
            return false;
        }

        var parser = new SpdxExpression(tokens, isAllowed);
        var result = parser.ParseOr();
        return result is true && parser._position == tokens.Count;
    }

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in expression)
        {
            if (c is '(' or ')' || char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                if (!char.IsWhiteSpace(c))
                {
                    tokens.Add(c.ToString());
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    // Each Parse method returns null when the expression is malformed.
    private bool? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && Accept("OR"))
        {
            var right = ParseAnd();
            left = right is null ? null : left.Value || right.Value;
        }

        return left;
    }

    private bool? ParseAnd()
    {
        var left = ParseTerm();
        while (left is not null && Accept("AND"))
        {
            var right = ParseTerm();
            left = right is null ? null : left.Value && right.Value;
        }

        return left;
    }

    private bool? ParseTerm()
    {
        if (Accept("("))
        {
            var inner = ParseOr();
            return Accept(")") ? inner : null;
        }

        if (_position >= _tokens.Count || IsOperator(_tokens[_position]) || _tokens[_position] == ")")
        {
            return null;
        }

        var license = _tokens[_position++];
        if (Accept("WITH"))
        {
            if (_position >= _tokens.Count || IsOperator(_tokens[_position]) || _tokens[_position] is "(" or ")")
            {
                return null;
            }

            _position++;
        }

        return _isAllowed(license);
    }

    private bool Accept(string token)
    {
        if (_position < _tokens.Count && string.Equals(_tokens[_position], token, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private static bool IsOperator(string token) =>
        token.Equals("AND", StringComparison.OrdinalIgnoreCase) || token.Equals("OR", StringComparison.OrdinalIgnoreCase)
        || token.Equals("WITH", StringComparison.OrdinalIgnoreCase);
}
