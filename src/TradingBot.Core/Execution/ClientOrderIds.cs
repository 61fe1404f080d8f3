using TradingBot.Core.Messages;

namespace TradingBot.Core.Execution;

/// <summary>
/// The client order id we send with an order, derived from the order id so a redelivered order message carries the
/// same one (the venue lookup key when an outcome is unknown). Per-venue format rules:
/// Coinbase and Robinhood want a UUID (RFC 9562 version 8, name-based on SHA-256); Binance allows at most 36 of
/// <c>[.A-Z:/a-z0-9_-]</c> and the paper venue anything, so they get <c>tb</c> + 32 hex characters.
/// </summary>
public static class ClientOrderIds
{
    public static string For(string venue, string orderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(venue);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var hash = MessageIds.Hash("client-order-id", orderId);
        return venue switch
        {
            "coinbase" or "robinhood" => Uuid8(hash),
            _ => "tb" + Convert.ToHexStringLower(hash, 0, 16),
        };
    }

    private static string Uuid8(byte[] hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        hash.AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom, RFC 9562 §5.8)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10xx
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
