import CLI
import Foundation

Console.occupyClosedStandardDescriptors()
exit(CommandLineInterface.run(Array(CommandLine.arguments.dropFirst())))
