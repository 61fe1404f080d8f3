using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace TradingBot.Functions.Api.Security;

/// <summary>
/// The App Service authentication principal: header <c>X-MS-CLIENT-PRINCIPAL</c>, base64 of
/// <c>{"auth_typ":"aad","name_typ":"...","role_typ":"...","claims":[{"typ":"roles","val":"trader"},...]}</c>.
/// Roles are the claims whose type is the principal's <c>role_typ</c>, <c>roles</c> or the standard role claim type.
/// </summary>
public static class ClientPrincipal
{
    /// <summary>The identity in <paramref name="header"/>, or null with <paramref name="error"/> when it is not a valid principal.</summary>
    public static ClaimsIdentity? Parse(string header, string authenticationType, out string? error)
    {
        ArgumentNullException.ThrowIfNull(header);
        error = null;
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                error = "the principal has no claims array";
                return null;
            }

            var nameType = Text(root, "name_typ") ?? ClaimTypes.Name;
            var roleType = Text(root, "role_typ") ?? ClaimTypes.Role;
            var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
            foreach (var claim in claims.EnumerateArray())
            {
                var type = Text(claim, "typ");
                var value = Text(claim, "val");
                if (type is null || value is null)
                {
                    continue;
                }

                if (type == roleType || type is "roles" or ClaimTypes.Role)
                {
                    identity.AddClaim(new Claim(ClaimTypes.Role, value));
                }
                else if (type == nameType)
                {
                    identity.AddClaim(new Claim(ClaimTypes.Name, value));
                }
            }

            return identity;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            error = "the principal header is not base64 JSON";
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
