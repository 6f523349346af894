using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// The one way SmartPark validates a settings section: bound at the call site (so the agent's
/// NativeAOT build binds with the source-generated binder), checked by an
/// <see cref="IValidateOptions{TOptions}"/> (source-generated with <c>[OptionsValidator]</c> from
/// annotations where they suffice, written by hand for rules across fields), when the host starts:
/// a bad value stops the service before it does anything, with a message naming the section and key.
/// <code>services.AddOptions&lt;UplinkOptions&gt;().Bind(section).ValidateOnStartWith&lt;UplinkOptions, UplinkOptionsValidator&gt;(UplinkOptions.Section);</code>
/// </summary>
public static class ValidatedOptions
{
    // ValidateOnStart creates TOptions through its parameterless constructor; the annotation keeps it in a trimmed build.
    public static OptionsBuilder<TOptions> ValidateOnStartWith<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TValidator>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section, new TValidator()));
        return builder.ValidateOnStart();
    }

    /// <summary>Says which section a failure is in; a validator's own messages often name only the property.</summary>
    private sealed class SectionValidator<TOptions>(string section, IValidateOptions<TOptions> inner) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var result = inner.Validate(name, options);
            if (!result.Failed)
                return result;
            return ValidateOptionsResult.Fail((result.Failures ?? [result.FailureMessage]).Select(f =>
                f.StartsWith(section + ":", StringComparison.Ordinal) ? f : $"{section}: {f}"));
        }
    }
}
