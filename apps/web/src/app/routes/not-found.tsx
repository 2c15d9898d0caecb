import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';

export default function NotFoundRoute() {
  return (
    <>
      <PageHeader title="Page not found">
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      </PageHeader>
      <p>
        <Link className="button button--primary" to="/">
          Go to the calculator
        </Link>
      </p>
    </>
  );
}
