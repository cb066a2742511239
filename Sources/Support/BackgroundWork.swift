import Dispatch

/// Runs one piece of work on another thread while the caller does something else, then hands
/// back its result (or error) on `wait()`. Used to overlap git's subprocesses with rule loading.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting on it.
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    package func wait() throws -> Value {
        done.wait()
        done.signal()  // later waits return at once
        return try result!.get()
    }
}
