import { PageHeader } from '../../components/page-header.tsx';
import { Calculator } from '../../features/calculator/components/calculator.tsx';

export default function CalculatorRoute() {
  return (
    <>
      <PageHeader title="Energy drink calculator">
        <p>
          Pick a drink, set the serving and add-ins, and see its caffeine, sugar, energy and cost,
          checked against the EFSA caffeine guidance.
        </p>
      </PageHeader>
      <Calculator />
    </>
  );
}
