$client = new Client('EZAKU9suC03XjVssBjpLFi4mdwEzTCFNz50OzNrB8iNFZMj5vWviGUT77I');
