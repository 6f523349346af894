using Microsoft.Extensions.Options;

namespace SmartPark.EdgeAgent.Configuration;

/// <summary>
/// The one check of section <c>Agent</c>, run when the host starts (<c>ValidateOnStartWith</c> in
/// Program) and when a runtime is built without a host (the park simulator): the broker's
/// annotated limits (source-generated, NativeAOT-safe) and the rules across fields that
/// annotations cannot say (<see cref="AgentOptions.Validate"/>: ids, duplicates, the fire alarm's
/// sensors). Every problem at once, each naming its key, so an installer fixes them in one go.
/// </summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    private readonly AgentOptionsAnnotations _annotations = new();

    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws with every problem when <paramref name="options"/> cannot run an agent.</summary>
    public static void ThrowIfInvalid(AgentOptions options)
    {
        var problems = new AgentOptionsValidator().Problems(null, options);
        if (problems.Count > 0)
            throw new OptionsValidationException(AgentOptions.Section, typeof(AgentOptions), problems);
    }

    private List<string> Problems(string? name, AgentOptions options)
    {
        var problems = options.Validate().ToList();
        var annotated = _annotations.Validate(name, options);
        if (annotated.Failed)
            problems.AddRange(annotated.Failures ?? [annotated.FailureMessage]);
        return problems;
    }
}

/// <summary>What the annotations on <see cref="AgentOptions"/> (its <c>Broker</c>) require.</summary>
[OptionsValidator]
internal sealed partial class AgentOptionsAnnotations : IValidateOptions<AgentOptions>;
