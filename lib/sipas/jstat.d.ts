// The few jStat functions SIPAS uses (the package ships no type declarations).
declare module "jstat" {
  interface StudentT {
    inv(p: number, dof: number): number;
    pdf(x: number, dof: number): number;
  }
  const jStat: { studentt: StudentT };
  export default jStat;
}
