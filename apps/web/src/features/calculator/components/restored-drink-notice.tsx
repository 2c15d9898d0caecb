interface RestoredDrinkNoticeProps {
  onStartOver: () => void;
}

/** Says that the visitor's last drink was restored, with a way to start from scratch. */
export function RestoredDrinkNotice({ onStartOver }: RestoredDrinkNoticeProps) {
  return (
    <p className="notice calculator__restored" role="status" data-testid="restored-drink">
      Your last drink is back.
      <button type="button" className="button button--link" onClick={onStartOver}>
        Start over
      </button>
    </p>
  );
}
