using Microsoft.Extensions.Options;

namespace TradingBot.Functions.Notifications;

/// <summary>
/// Checks section <c>Notifications</c> at start, naming the configuration key of every problem
/// (<c>Notifications:Targets:0:SecretName</c>), so a bad target stops the app with a clear message instead of failing
/// every send later with an argument error. Messages name keys only, never a secret's value.
/// </summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{NotificationOptions.Section}:{nameof(NotificationOptions.Timeout)} must be positive (is {options.Timeout}).");
        }

        for (var i = 0; i < options.Targets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Targets[i].SecretName))
            {
                failures.Add($"{NotificationOptions.Section}:{nameof(NotificationOptions.Targets)}:{i}:{nameof(WebhookTarget.SecretName)} is empty: "
                    + "name the secret that holds the webhook URL (or the Telegram bot token).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
