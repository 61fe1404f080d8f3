using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Exchanges;

/// <summary>
/// Turns our client order id (any non-empty string, derived from the cause of the order) into the UUID that
/// Coinbase and Robinhood store as <c>client_order_id</c>. The mapping is deterministic, so a redelivered message
/// yields the same UUID and the venue's idempotency check (or our reconciliation by client order id) sees the
/// same order:
/// <list type="bullet">
/// <item>an id that already is a UUID (<c>0f5c8f0e-3a1b-…</c> or 32 hex digits) is used as it is, in lower-case
/// dashed form;</item>
/// <item>any other id becomes a name-based UUID version 5 (RFC 9562 §5.5: SHA-1 over a fixed TradingBot
/// namespace and the id's UTF-8 bytes).</item>
/// </list>
/// </summary>
public static class ClientOrderUuid
{
    /// <summary>The RFC 9562 namespace of TradingBot client order ids (a fixed random UUID; never change it).</summary>
    public static readonly Guid Namespace = new("d8559b12-2a6c-4a05-b9ca-9024b72b1a64");

    /// <summary>The venue-side UUID for <paramref name="clientOrderId"/>, e.g. <c>5c1b…-…</c>.</summary>
    public static string From(string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        var trimmed = clientOrderId.Trim();
        if (Guid.TryParseExact(trimmed, "D", out var uuid) || Guid.TryParseExact(trimmed, "N", out uuid))
        {
            return uuid.ToString("D");
        }

        return NameBased(trimmed).ToString("D");
    }

    /// <summary>Whether an order's venue-side <c>client_order_id</c> is the one we derive from <paramref name="clientOrderId"/> (or that id itself).</summary>
    public static bool Matches(string? venueClientOrderId, string clientOrderId) =>
        venueClientOrderId is not null
        && (string.Equals(venueClientOrderId, From(clientOrderId), StringComparison.OrdinalIgnoreCase) || venueClientOrderId == clientOrderId);

    private static Guid NameBased(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        // RFC 9562 defines version 5 with SHA-1; here it is an identifier, not a security primitive.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
