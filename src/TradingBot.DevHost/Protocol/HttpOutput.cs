using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingBot.DevHost.Protocol;

/// <summary>
/// An <c>http</c> output value of a payload-mode HTTP function (§1.4): <c>statusCode</c> (or <c>status</c>; number or
/// numeric string), scalar <c>headers</c>, and <c>body</c> (a string sent as is, anything else as indented JSON). A
/// string body without a Content-Type goes out as text/plain.
/// </summary>
public sealed record HttpOutput(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string ContentType)
{
    public static HttpOutput From(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new HttpOutput(200, [], Encoding.UTF8.GetBytes(HostJson.ItemText(value)), "text/plain; charset=utf-8");
        }

        var status = 200;
        var headers = new List<KeyValuePair<string, string>>();
        byte[] body = [];
        string? contentType = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "STATUSCODE" or "STATUS":
                    var raw = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                    status = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599
                        ? code
                        : throw new InvocationFailedException($"the http output's statusCode '{raw}' is not an HTTP status");
                    break;
                case "HEADERS" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var header in property.Value.EnumerateObject())
                    {
                        var text = HostJson.ItemText(header.Value);
                        if (header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                        {
                            contentType = text;
                        }
                        else
                        {
                            headers.Add(KeyValuePair.Create(header.Name, text));
                        }
                    }

                    break;
                case "BODY":
                    body = Encoding.UTF8.GetBytes(HostJson.ItemText(property.Value));
                    break;
            }
        }

        return new HttpOutput(status, headers, body, contentType ?? "text/plain; charset=utf-8");
    }
}
