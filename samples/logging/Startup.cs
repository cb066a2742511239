public class AuthLogging
{
    public void Log(ILogger logger, HttpRequest request)
    {
        logger.LogInformation("Auth {Auth}", request.Headers["Authorization"]);
        Console.WriteLine($"Path: {request.Path}");
    }
}
