using System.CommandLine;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Rendering.Mail.Signing;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>--sign KEYFILE</c> and <c>--passphrase-env NAME</c>, as every command that signs takes them: an OpenPGP secret key
/// file (armored or binary), unlocked with the passphrase held in an environment variable. Neither the key nor the
/// passphrase ever appears in output.
/// </summary>
public sealed class SigningOptions(string purpose)
{
    public Option<string?> Key { get; } = new("--sign")
    {
        Description = $"Sign {purpose} with the OpenPGP secret key in this file (armored or binary); the passphrase comes from the environment",
        HelpName = "KEYFILE",
    };

    public Option<string> PassphraseVariable { get; } = new("--passphrase-env")
    {
        Description = "The environment variable that holds the key's passphrase",
        DefaultValueFactory = _ => OpenPgpSigningKey.DefaultPassphraseVariable,
        HelpName = "NAME",
    };

    public void AddTo(Command command)
    {
        command.Add(Key);
        command.Add(PassphraseVariable);
    }

    public bool IsGiven(ParseResult parse) => parse.GetValue(Key) is not null;

    /// <summary>The signer of <c>--sign</c>, or null without it.</summary>
    /// <param name="now">The moment of signing: the key must be valid then.</param>
    /// <exception cref="SigningKeyException">The key cannot be read or unlocked, or is not valid at <paramref name="now"/>.</exception>
    public OpenPgpSigner? CreateSigner(ParseResult parse, CliEnvironment env, DateTimeOffset now)
    {
        if (parse.GetValue(Key) is not { } keyFile) return null;
        var variable = parse.GetValue(PassphraseVariable)!;
        return new OpenPgpSigner(OpenPgpSigningKey.Load(Path.GetFullPath(keyFile, env.WorkingDirectory), Secrets.Read(env.GetVariable, variable, forHttp: false),
            now, $"the passphrase in ${variable}"));
    }
}
