using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TradingBot.Core.Market;

namespace TradingBot.Core.Messages;

/// <summary>
/// Deterministic message ids: candle → signal → order → fill. The same cause always yields the same id, so a
/// redelivered or re-evaluated message is recognised downstream. Candle ids are readable (they are the correlation
/// id of every message they cause); derived ids are a prefix plus 26 base32 characters of SHA-256 of the cause.
/// All ids use only characters that are legal in Table Storage keys and URLs.
/// </summary>
public static class MessageIds
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary><c>candle:binance:BTC-USDT:1m:20260110T1200Z</c> (the bar's open time, UTC).</summary>
    public static string Candle(string venue, Symbol symbol, Timeframe timeframe, DateTimeOffset openTime) =>
        string.Create(CultureInfo.InvariantCulture,
            $"candle:{RequireVenue(venue)}:{symbol.ToKey()}:{timeframe}:{openTime.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");

    /// <summary>The signal a strategy raised on a candle.</summary>
    public static string Signal(string candleId, string strategyId) => Derive("sig", candleId, strategyId);

    /// <summary>
    /// Order <paramref name="leg"/> approved for a signal: leg 0 is the signal's own order; further legs are orders the
    /// same decision added (exits of every position when the kill switch flattens).
    /// </summary>
    public static string Order(string signalId, int leg = 0) =>
        leg == 0 ? Derive("ord", signalId) : Derive("ord", signalId, leg.ToString(CultureInfo.InvariantCulture));

    /// <summary>One execution (venue trade) of an order.</summary>
    public static string Fill(string orderId, string tradeId) => Derive("fill", orderId, tradeId);

    /// <summary>A status change of an order (state and cumulative filled amount identify it).</summary>
    public static string OrderUpdate(string orderId, string state, decimal filled) =>
        Derive("upd", orderId, state, Exchange.Precision.ToWire(filled));

    /// <summary>A risk decision record (the decision for a signal is unique).</summary>
    public static string Decision(string signalId) => Derive("risk", signalId);

    /// <summary><paramref name="prefix"/> + '-' + 26 base32 characters (130 bits) of SHA-256 over the parts.</summary>
    public static string Derive(string prefix, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return prefix + "-" + Base32(Hash(parts), 26);
    }

    /// <summary>SHA-256 over the parts joined by a separator that cannot occur in them (U+001F).</summary>
    public static byte[] Hash(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
    }

    /// <summary>Lower-case RFC 4648 base32 (no padding) of the leading bits of <paramref name="bytes"/>.</summary>
    public static string Base32(ReadOnlySpan<byte> bytes, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length * 5, bytes.Length * 8, nameof(length));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var bit = i * 5;
            var value = 0;
            for (var b = 0; b < 5; b++)
            {
                var index = bit + b;
                value = (value << 1) | ((bytes[index / 8] >> (7 - (index % 8))) & 1);
            }

            chars[i] = Base32Alphabet[value];
        }

        return new string(chars);
    }

    private static string RequireVenue(string venue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(venue);
        return venue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? venue
            : throw new ArgumentException($"Venue id '{venue}' must be lower-case letters, digits or '-'.", nameof(venue));
    }
}
