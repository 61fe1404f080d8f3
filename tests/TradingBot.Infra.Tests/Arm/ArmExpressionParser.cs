using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>
/// Parses ARM template language expressions: function calls, <c>'string'</c> literals (<c>''</c> escapes a quote),
/// integers, and member/index access, e.g. <c>reference(resourceId('A/b', parameters('n'))).outputs.x.value</c>.
/// </summary>
internal sealed class ArmExpressionParser
{
    private readonly string _text;
    private int _position;

    private ArmExpressionParser(string text) => _text = text;

    /// <summary>Whether a template string value is an expression (<c>[...]</c>, but not the <c>[[</c> escape).</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>A template string that is not an expression, with the <c>[[</c> escape undone.</summary>
    public static string Unescape(string value) => value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;

    public static ArmSyntax Parse(string expression)
    {
        if (!IsExpression(expression))
        {
            throw new ArmTemplateException($"Not an expression: {expression}");
        }

        var parser = new ArmExpressionParser(expression[1..^1]);
        var syntax = parser.ParseExpression();
        parser.SkipWhitespace();
        return parser._position == parser._text.Length
            ? syntax
            : throw parser.Error("unexpected text after the expression");
    }

    private ArmSyntax ParseExpression()
    {
        SkipWhitespace();
        var syntax = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (TryRead('.'))
            {
                syntax = new ArmMember(syntax, ReadIdentifier());
            }
            else if (TryRead('['))
            {
                var index = ParseExpression();
                SkipWhitespace();
                Expect(']');
                syntax = new ArmIndex(syntax, index);
            }
            else
            {
                return syntax;
            }
        }
    }

    private ArmSyntax ParsePrimary()
    {
        if (_position >= _text.Length)
        {
            throw Error("expression ends early");
        }

        var c = _text[_position];
        if (c == '\'')
        {
            return new ArmLiteral(JsonValue.Create(ReadString()));
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return new ArmLiteral(JsonValue.Create(ReadInteger()));
        }

        var name = ReadIdentifier();
        SkipWhitespace();
        Expect('(');
        var arguments = new List<ArmSyntax>();
        SkipWhitespace();
        if (!TryRead(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
            }
            while (TryRead(','));

            Expect(')');
        }

        return new ArmCall(name, arguments);
    }

    private string ReadString()
    {
        Expect('\'');
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (_position < _text.Length && _text[_position] == '\'')
            {
                value.Append('\'');
                _position++;
            }
            else
            {
                return value.ToString();
            }
        }
    }

    private long ReadInteger()
    {
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
        }

        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return long.Parse(_text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private string ReadIdentifier()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$' or '#'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("identifier expected");
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool TryRead(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryRead(c))
        {
            throw Error($"'{c}' expected");
        }
    }

    private ArmTemplateException Error(string reason) =>
        new($"Expression [{_text}] at {_position}: {reason}");
}
