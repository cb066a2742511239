export const config = {
  apiKey: 'AAAAAAAAAAAAAAAAAAAAAAg9je8Gbpr8PElOi%2FfajKUkVXVrxVegMca1L94KhV9xRhpP%3DBQiD9QVlCprvhz6B2Od923KzMJfBdJ2rUqITRxRo',
};
