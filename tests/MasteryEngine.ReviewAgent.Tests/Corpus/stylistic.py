"""Summaries of a list of exam marks."""
def Average( Marks ):
  """Return the mean of the marks."""
  if Marks==[] : return 0.0
  Total=0
  for M in Marks :
      Total=Total+M
  return Total/len( Marks ) ;
def Passed(Marks,Threshold=50):
  """Return the marks at or above the threshold."""
  Result=[]
  for M in Marks :
    if M>=Threshold : Result.append( M )
  return Result
MARKS=[72,45,88,61,50]
print( Average(MARKS),Passed(MARKS) )
