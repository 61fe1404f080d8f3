using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace TradingBot.Functions.Hosting;

/// <summary>
/// A <see cref="TimeSpan"/> setting between <paramref name="minimum"/> and <paramref name="maximum"/> (invariant
/// <c>d.hh:mm:ss</c>), both included: <see cref="RangeAttribute"/>'s <c>typeof(TimeSpan)</c> form converts through a
/// type converter found by reflection, which the Native AOT build cannot keep.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan time || (time >= Minimum && time <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
