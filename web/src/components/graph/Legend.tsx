// What the explorer's colours and line styles mean.
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li><span className="swatch person" />Person</li>
      <li><span className="swatch org" />Organisation</li>
      <li><span className="swatch vessel" />Vessel</li>
      <li><span className="swatch sanctioned" />Sanctioned</li>
      <li><span className="line official" />official</li>
      <li><span className="line corroborated" />corroborated</li>
      <li><span className="line reported" />reported</li>
      <li><span className="line alleged" />alleged</li>
      <li><span className="line denied" />disputed/denied</li>
    </ul>
  );
}
