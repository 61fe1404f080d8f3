using Azure.Core;

namespace TradingBot.Testing;

/// <summary>A credential that hands out <see cref="FakeKeyVault.Token"/> and remembers the scopes and tenant it was asked for.</summary>
public sealed class FakeTokenCredential : TokenCredential
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string? LastTenantId { get; private set; }

    public IReadOnlyList<string> LastScopes { get; private set; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        LastTenantId = requestContext.TenantId;
        LastScopes = requestContext.Scopes;
        return new AccessToken(FakeKeyVault.Token, TimeProvider.System.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
