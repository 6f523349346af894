using SmartPark.Ingest;
using SmartPark.Ingest.Commands;

// Sub-commands for operators; anything else runs the service.
return args switch
{
    ["hash-password", .. var rest] => HashPasswordCommand.Run(rest, Console.In, Console.Out, Console.Error),
    ["mosquitto-auth", .. var rest] => MosquittoAuthCommand.Run(rest, Console.Out, Console.Error),
    ["consumption", .. var rest] => await ConsumptionCommand.RunAsync(rest, Console.Out, Console.Error),
    _ => RunService(args),
};

static int RunService(string[] args)
{
    IngestApp.Build(args).Run();
    return 0;
}
