import { useState } from 'react';

/** The latest value that was not undefined: keeps a chart drawn while its next data loads. */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  // Adjusting state while rendering (React's "storing information from previous renders").
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
