import { configure } from '@testing-library/react';

// CI runs on a busy 2-core machine: `waitFor` and `findBy*` wait for their condition up to a
// deadline that a loaded machine still meets (the 1 s default is not), and return as soon as it holds.
configure({ asyncUtilTimeout: 10_000 });
