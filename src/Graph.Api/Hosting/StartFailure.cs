using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Graph.Api.Hosting;

/// <summary>
/// Why the service could not start, in one line for its operator, when the reason is theirs to mend (a
/// setting, the settings file, an address in use) rather than a fault of the program. The start then ends
/// with exit code 1, the way a refused seed does, not with an unhandled exception's abort (exit code 134)
/// and a stack trace. Null for anything else, which stays unhandled, with its trace.
/// </summary>
internal static class StartFailure
{
    public static string? Describe(Exception failure) => failure switch
    {
        // Out of range, or refused by a check of ours.
        OptionsValidationException refused => string.Join(" ", refused.Failures),
        // Not of its type at all (MaxBodyBytes=abc, Introspection=maybe): the binder's message names the value, the setting and the type.
        InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } => failure.Message,
        // appsettings.json that is not JSON: the file, then where the reader stopped.
        InvalidDataException { InnerException: FormatException { InnerException: { } reader } } => $"{failure.Message} {reader.Message}",
        // Often this service started a second time.
        IOException { InnerException: AddressInUseException } => $"{failure.Message} Another process listens there; stop it, or give another address with --urls.",
        _ => null,
    };
}
