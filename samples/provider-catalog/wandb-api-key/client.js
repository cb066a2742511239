const wandbApiKey = '42e556790e3cd5c14cef7bf1e1b0c9f6b3c41056';
