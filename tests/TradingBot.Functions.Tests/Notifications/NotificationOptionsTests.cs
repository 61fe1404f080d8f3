using Microsoft.Extensions.Options;
using TradingBot.Functions.Notifications;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Notifications;

[Collection(AzuriteTests.Name)]
public sealed class NotificationOptionsTests(AzuriteFixture azurite)
{
    [Fact]
    public void Start_TargetWithoutSecretNameAndZeroTimeout_FailsNamingEachKey()
    {
        var error = Assert.ThrowsAny<OptionsValidationException>(() => PipelineHost.Create(azurite,
            ("Notifications:Timeout", "00:00:00"),
            ("Notifications:Targets:0:Name", "ops"),
            ("Notifications:Targets:0:SecretName", "slack-url"),
            ("Notifications:Targets:1:Name", "chat"),
            ("Notifications:Targets:1:Format", "Telegram")).Dispose());

        Assert.Contains("Notifications:Timeout must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:Targets:1:SecretName is empty", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Targets:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultsAndNamedSecrets_Succeed()
    {
        var options = new NotificationOptions();
        options.Targets.Add(new WebhookTarget { Name = "ops", SecretName = "slack-url" });

        Assert.True(new NotificationOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new NotificationOptionsValidator().Validate(null, new NotificationOptions()).Succeeded);
    }
}
