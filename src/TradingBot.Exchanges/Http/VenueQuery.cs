using System.Text;

namespace TradingBot.Exchanges.Http;

/// <summary>
/// Builds a query string or form body in insertion order, each key and value percent-encoded as UTF-8
/// (RFC 3986 unreserved characters kept), e.g. <c>symbol=BTCUSDT&amp;side=BUY</c>. Null values are skipped.
/// The text is what gets signed and sent, byte for byte.
/// </summary>
public sealed class VenueQuery
{
    private readonly StringBuilder _text = new();

    public bool IsEmpty => _text.Length == 0;

    public VenueQuery Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        if (_text.Length > 0)
        {
            _text.Append('&');
        }

        _text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Appends an already encoded <c>name=value</c> pair (a signature that was encoded by the signer).</summary>
    public VenueQuery AddEncoded(string name, string encodedValue)
    {
        if (_text.Length > 0)
        {
            _text.Append('&');
        }

        _text.Append(name).Append('=').Append(encodedValue);
        return this;
    }

    /// <summary>Appends all pairs of <paramref name="other"/> (already encoded).</summary>
    public VenueQuery Append(VenueQuery other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.IsEmpty)
        {
            if (_text.Length > 0)
            {
                _text.Append('&');
            }

            _text.Append(other._text);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
